// newsevents report: sortable and filterable tables, and the dyad charts (Chart.js,
// bundled beside this file). Reads its data from <script type="application/json">.
'use strict';

function sortTable(table, column, numeric) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const dir = table.dataset.sortColumn === String(column) && table.dataset.sortDir === 'asc' ? 'desc' : 'asc';
  const key = (row) => {
    const text = row.cells[column].dataset.value ?? row.cells[column].textContent.trim();
    return numeric ? Number(text) || 0 : text.toLowerCase();
  };
  rows.sort((a, b) => {
    const x = key(a), y = key(b);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return dir === 'asc' ? order : -order;
  });
  for (const row of rows) body.appendChild(row);
  table.dataset.sortColumn = String(column);
  table.dataset.sortDir = dir;
}

function wireTables() {
  for (const table of document.querySelectorAll('table.sortable')) {
    Array.from(table.tHead.rows[0].cells).forEach((th, i) => {
      if (!th.dataset.sort) return;
      th.addEventListener('click', () => sortTable(table, i, th.dataset.sort === 'number'));
    });
  }
  for (const input of document.querySelectorAll('input.filter')) {
    const table = document.getElementById(input.dataset.table);
    input.addEventListener('input', () => {
      const needle = input.value.toLowerCase();
      for (const row of table.tBodies[0].rows) row.hidden = needle !== '' && !row.textContent.toLowerCase().includes(needle);
    });
  }
}

function drawCharts() {
  const data = document.getElementById('report-data');
  if (!data || typeof Chart === 'undefined') return;
  const { dyads } = JSON.parse(data.textContent);
  for (const dyad of dyads) {
    const canvas = document.getElementById(dyad.canvas);
    if (!canvas) continue;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: dyad.periods.map((p) => p.label),
        datasets: [
          { label: 'cooperation', data: dyad.periods.map((p) => p.cooperation), backgroundColor: '#1a7f37' },
          { label: 'distrust', data: dyad.periods.map((p) => p.distrust), backgroundColor: '#c62828' },
        ],
      },
      options: { animation: false, maintainAspectRatio: false, responsive: true, scales: { y: { beginAtZero: true } } },
    });
    canvas.dataset.drawn = 'true';
  }
}

// Tips open leftward for marks near the right edge, so they stay on screen.
function placeTip(event) {
  const mark = event.target.closest && event.target.closest('mark[data-tip]');
  if (!mark) return;
  const first = mark.getClientRects()[0] ?? mark.getBoundingClientRect(); // a wrapped mark: its first line
  mark.classList.toggle('tip-left', first.left > window.innerWidth - 280);
}

document.addEventListener('DOMContentLoaded', () => {
  wireTables();
  drawCharts();
  document.addEventListener('mouseover', placeTip);
  document.addEventListener('focusin', placeTip);
});

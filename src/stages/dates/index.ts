// PLACEHOLDER until the dates stage lands: produces no dates.
import { defineStage } from '../../stage.js';
export const datesStage = defineStage({ name: 'dates', version: '0', needs: ['segments'], provides: 'dates', run: () => ({ layer: [] }) });

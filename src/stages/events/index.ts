// PLACEHOLDER until the events stage lands: produces no events.
import { defineStage } from '../../stage.js';
export const eventsStage = defineStage({ name: 'events', version: '0', needs: ['segments', 'dates', 'entities', 'stance'], provides: 'events', run: () => ({ layer: [] }) });

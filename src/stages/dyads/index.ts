// PLACEHOLDER until the dyads stage lands: produces no dyads.
import { defineStage } from '../../stage.js';
export const dyadsStage = defineStage({ name: 'dyads', version: '0', needs: ['stance', 'events'], provides: 'dyads', run: () => ({ layer: [] }) });

// PLACEHOLDER until the entities stage lands: produces no entities.
import { defineStage } from '../../stage.js';
export const entitiesStage = defineStage({ name: 'entities', version: '0', needs: ['segments'], provides: 'entities', run: () => ({ layer: [] }) });

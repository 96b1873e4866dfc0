import { runAppInAction } from './action-adapter.js';

await runAppInAction();

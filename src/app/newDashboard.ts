import type { Dashboard } from '../model/dashboard';
import { newUid } from '../state/storage';

export function newDashboard(title = 'New dashboard'): Dashboard {
  return {
    scry: 1,
    uid: newUid(),
    title,
    description: '',
    tags: [],
    time: { from: 'now-1h', to: 'now' },
    refresh: '',
    timezone: 'browser',
    graphTooltip: 1,
    variables: [],
    panels: [],
    version: 0,
  };
}

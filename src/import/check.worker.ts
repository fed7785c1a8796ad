// The import check off the main thread: the page posts a CheckRequest (text or file), the worker
// answers with progress messages and then the result (see checkText.ts). Started by the import
// page with `new Worker(new URL(...), { type: 'module' })`; allowed by index.html's CSP
// (`worker-src 'self'`).

import { answerCheck, type CheckReply, type CheckRequest } from './checkText';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<CheckRequest>) => void) | null;
  postMessage(m: CheckReply): void;
};

scope.onmessage = (e) => {
  void answerCheck(e.data, (progress) => scope.postMessage({ progress })).then((done) =>
    scope.postMessage({ done }),
  );
};

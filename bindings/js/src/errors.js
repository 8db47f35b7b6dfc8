// The runtime's error: `status` is the pw_status name in lower case without
// its prefix ('argument', 'load', 'not_pathway', 'abi', 'corrupt',
// 'not_found', 'type', 'range', 'json', 'unit', 'state', ...), `message` the
// text pw_last_error would give.
export class PathwayError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'PathwayError';
    this.status = status;
  }
}

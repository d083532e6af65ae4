/**
 * Conflation, as a ticker's server does it: while a change is still on its way to a client, newer
 * ones replace each other, and only the latest goes out when the way is clear. A slow or lossy
 * connection gets the current price late, never a backlog of old ones. Without it, every change is
 * sent in turn.
 */
export function conflating(latestOnly: boolean, send: (payload: string, id: number, arrived: () => void) => void): (payload: string, id: number) => void {
  if (!latestOnly) return (payload, id) => send(payload, id, () => {});
  let inFlight = 0;
  let newest: [string, number] | undefined;
  const go = (payload: string, id: number) => {
    inFlight++;
    send(payload, id, () => {
      inFlight--;
      if (inFlight > 0 || !newest) return;
      const [next, nextId] = newest;
      newest = undefined;
      go(next, nextId);
    });
  };
  return (payload, id) => {
    if (inFlight > 0) newest = [payload, id];
    else go(payload, id);
  };
}

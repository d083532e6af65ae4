/**
 * Watch the game's height and report each change (whole pixels, rounded up). Embedded, the game is as
 * tall as its content and never as tall as the frame (src/ui/shell.css), so this is the height the host
 * should give the frame, and a host that sizes the frame to it settles.
 */
export function watchHeight(element: HTMLElement, report: (height: number) => void): () => void {
  let last = -1;
  const measure = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height > 0 && height !== last) {
      last = height;
      report(height);
    }
  };
  if (typeof ResizeObserver === 'undefined') {
    measure();
    return () => {};
  }
  const observer = new ResizeObserver(measure);
  observer.observe(element);
  measure();
  return () => observer.disconnect();
}

/** How many of `items`, sorted by `key`, have a key at or below `x`: a binary search. */
export function countAtMost<T>(items: ArrayLike<T>, x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where the end-to-end tests serve the game and the course page that embeds it. E2E_PORT moves both
 * (the course page takes the next port), so that two checkouts can run their suites side by side.
 */
export const GAME_PORT = Number(process.env.E2E_PORT ?? 4173);
export const HOST_PORT = GAME_PORT + 1;
export const GAME_ORIGIN = `http://localhost:${GAME_PORT}`;
/** Another origin than the game's, as a course site would be. */
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;

import Phaser from 'phaser';
import { FITTED_BELOW, fittedLayout, narrowLayout, wideLayout } from './layout.ts';
import type { StageFeed, StageHandle, StageModel } from './model.ts';
import { NetworkScene } from './network-scene.ts';
import { chooseRenderer } from './renderer.ts';

export type { StageFeed, StageHandle, StageModel } from './model.ts';

/**
 * Start the stage in `parent`. The only entry into Phaser; the app loads this module lazily.
 * A narrow stage, or one shown narrower than FITTED_BELOW, is drawn at the size it is shown (the
 * parent's CSS size), so its text keeps its size.
 * With no run to draw the actors stand still: once drawn, the stage stops drawing frames, which
 * leaves the page's time to the run being worked out.
 */
export function startStage(parent: HTMLElement, model: StageModel): Promise<StageHandle> {
  const width = Math.floor(parent.clientWidth);
  const layout = model.narrow
    ? narrowLayout(model, width, Math.floor(parent.clientHeight))
    : width > 0 && width < FITTED_BELOW
      ? fittedLayout(model, width)
      : wideLayout(model);
  // A dense screen (a phone's, a laptop's) gets a canvas as many device pixels as it shows, at most twice the
  // stage's: sharp text and pills, and at most four times the pixels to fill.
  const pixelRatio = Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));
  const scene = new NetworkScene(model, layout, pixelRatio);
  return new Promise((resolve) => {
    const game = new Phaser.Game({
      type: chooseRenderer(),
      parent,
      width: layout.width * pixelRatio,
      height: layout.height * pixelRatio,
      backgroundColor: '#0f1629',
      banner: false,
      // Phaser would focus the window at boot and on every click: inside a course page that takes the keyboard from the page.
      autoFocus: false,
      audio: { noAudio: true },
      render: { antialiasGL: false },
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
      scene,
      callbacks: {
        postBoot: () => {
          game.canvas.setAttribute('aria-hidden', 'true');
          const rest = () => game.events.once(Phaser.Core.Events.POST_RENDER, () => scene.resting && game.loop.sleep());
          rest();
          const ready = () =>
            resolve({
              setFeed: (feed: StageFeed | undefined) => {
                scene.setFeed(feed);
                game.loop.wake();
                if (!feed) rest();
              },
              frameTimes: () => [...scene.frameTimes],
              onPick: (callback: (seq: number) => void) => void (scene.onPick = callback),
              select: (seq: number | undefined) => void (scene.selected = seq),
              smallestFont: () => Math.min(...scene.fontSizes) * pixelRatio,
              destroy: () => game.destroy(true),
            });
          if (scene.sys.settings.status >= Phaser.Scenes.RUNNING) ready();
          else scene.events.once(Phaser.Scenes.Events.CREATE, ready);
        },
      },
    });
  });
}

import * as Phaser from 'phaser';
import type { StageFeed, StageHandle, StageModel } from './model.ts';
import { NetworkScene, STAGE_HEIGHT, STAGE_WIDTH } from './network-scene.ts';
import { chooseRenderer } from './renderer.ts';

export type { StageFeed, StageHandle, StageModel } from './model.ts';

/** Start the stage in `parent`. The only entry into Phaser; the app loads this module lazily. */
export function startStage(parent: HTMLElement, model: StageModel): Promise<StageHandle> {
  const scene = new NetworkScene(model);
  return new Promise((resolve) => {
    const game = new Phaser.Game({
      type: chooseRenderer(),
      parent,
      width: STAGE_WIDTH,
      height: STAGE_HEIGHT,
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
          const ready = () =>
            resolve({
              setFeed: (feed: StageFeed | undefined) => scene.setFeed(feed),
              frameTimes: () => [...scene.frameTimes],
              destroy: () => game.destroy(true),
            });
          if (scene.sys.settings.status >= Phaser.Scenes.RUNNING) ready();
          else scene.events.once(Phaser.Scenes.Events.CREATE, ready);
        },
      },
    });
  });
}

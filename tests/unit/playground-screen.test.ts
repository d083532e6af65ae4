// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defaultWorld, encodeWorld } from '../../src/content/playground.ts';
import { fieldMessage, playgroundScreen } from '../../src/ui/playground-screen.ts';

/** The playground's form: a refused value said in the field's own unit and plain words, and Run takes you to it. */

const mount = (world = defaultWorld) => {
  document.body.innerHTML = '';
  const screen = playgroundScreen({ world: encodeWorld(world), changed() {}, play() {}, playNow: true, seed: 1 });
  document.body.append(screen);
  return screen;
};

describe("the playground's form", () => {
  it("says a refused value in the field's unit, from the world's own bounds", () => {
    expect(fieldMessage('network.loss', '150')?.text).toBe('Loss is a percentage from 0 to 50; you gave 150.');
    expect(fieldMessage('clients', '0')?.text).toBe('Clients is a whole number from 1 to 1,000,000; you gave 0.');
    expect(fieldMessage('network.latencyMs', '15 s')?.text).toBe('Latency is a duration from 0 ms to 10 s; you gave 15 s.');
    expect(fieldMessage('goals.freshMs', '')?.text).toBe('"Known within" needs a value.');
    expect(fieldMessage('goals', '')).toMatchObject({ id: 'pg-lost' });
  });

  it('Run with a value out of bounds runs nothing: focus goes to the field, which says what it takes', () => {
    const screen = mount();
    const loss = screen.querySelector<HTMLInputElement>('#pg-loss')!;
    loss.value = '150';
    const run = [...screen.querySelectorAll('button')].find((b) => b.textContent === 'Run every pattern')!;
    run.focus();
    run.click();
    expect(document.activeElement).toBe(loss);
    expect(loss.getAttribute('aria-invalid')).toBe('true');
    expect(screen.querySelector('#pg-loss-problem')?.textContent).toBe('Loss is a percentage from 0 to 50; you gave 150.');
    expect(screen.querySelector('.pg-status')?.textContent).toBe('');
  });

  it('unticking the last goal is refused at that goal, with what to do', () => {
    const screen = mount({ ...defaultWorld, goals: { noLostEvents: true } });
    const lost = screen.querySelector<HTMLInputElement>('#pg-lost')!;
    lost.checked = false;
    screen.querySelector('form')!.dispatchEvent(new Event('change'));
    expect(lost.getAttribute('aria-invalid')).toBe('true');
    expect(screen.querySelector('#pg-lost-problem')?.textContent).toMatch(/^Set at least one goal/);
  });

  it('a world in the address out of bounds says so in the words of its field', () => {
    const screen = mount({ ...defaultWorld, network: { latencyMs: 80, loss: 0.9 } });
    expect(screen.querySelector('.notice.error li')?.textContent).toBe('world=: Loss is a percentage from 0 to 50; you gave 90.');
    const goalless = mount({ ...defaultWorld, goals: { noLostEvents: false } });
    expect(goalless.querySelector('.notice.error li')?.textContent).toMatch(/^world=: Set at least one goal/);
  });
});

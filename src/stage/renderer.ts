import Phaser from 'phaser';

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/**
 * Phaser's AUTO picks WebGL even where WebGL is emulated on the CPU, which is slower there than
 * Canvas (docs/architecture.md, browser traps). A context asked for with failIfMajorPerformanceCaveat is refused on some
 * software paths; Chromium's SwiftShader grants it, so the renderer's name is checked as well.
 */
export function chooseRenderer(): number {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.CANVAS;
  }
}

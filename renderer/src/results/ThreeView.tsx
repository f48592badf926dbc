import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Point } from '../../../core/project/types.ts';
import type { Assessment } from './AssessmentContext.tsx';
import { FAIL, PASS } from './ResultMap.tsx';
import { riskColour } from './risk-field.ts';

/** Lowest risk drawn above the ground, /yr: the surface's height is log10(risk / FLOOR). */
const FLOOR = 1e-8;
/** Metres of height per decade of risk, as a fraction of the grid's width. */
const DECADE_HEIGHT = 0.035;
/** Most vertices along one side of the surface; larger grids are sampled. */
const MAX_SIDE = 220;

/**
 * The site in three dimensions (three.js): the individual-risk field as a coloured surface whose height is the
 * logarithm of the risk, installations and protection targets as extruded outlines (targets coloured by
 * verdict), orbit controls. The canvas keeps its drawing buffer so a test or the user can read its pixels.
 * Site x east → three x, site y north → three −z, height → three y.
 */
export function ThreeView({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  // WebGL is there or not for the page's lifetime: probe once, not in the effect.
  const [failed] = useState(() => !webglAvailable());

  useEffect(() => {
    const element = holder.current;
    if (!element || failed) return;
    const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    const { grid } = assessment.result;
    const project = assessment.prepared.project;
    // Frame the grid and every object (targets may lie beyond the lowest contour).
    const xs = [grid.x0, grid.x0 + (grid.nx - 1) * grid.cellSize];
    const ys = [grid.y0, grid.y0 + (grid.ny - 1) * grid.cellSize];
    for (const item of [...project.installations, ...project.targets]) {
      const outline = 'outline' in item ? item.outline : 'polygon' in item ? item.polygon : undefined;
      for (const [x, y] of [...(outline ?? []), ...(item.position ? [item.position] : [])]) {
        xs.push(x);
        ys.push(y);
      }
    }
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 50);
    const decade = DECADE_HEIGHT * span;
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;

    const scene = new THREE.Scene();
    scene.background = new THREE.Color('#eef2f6');
    scene.add(new THREE.HemisphereLight(0xffffff, 0x8a96a3, 2.2));
    const sun = new THREE.DirectionalLight(0xffffff, 1.6);
    sun.position.set(-span, span * 1.5, span);
    scene.add(sun);

    // The risk surface on a sampled copy of the grid.
    const step = Math.max(1, Math.ceil(Math.max(grid.nx, grid.ny) / MAX_SIDE));
    const sx = Math.floor((grid.nx - 1) / step) + 1;
    const sy = Math.floor((grid.ny - 1) / step) + 1;
    const positions = new Float32Array(sx * sy * 3);
    const colours = new Float32Array(sx * sy * 3);
    const colour = new THREE.Color();
    for (let j = 0; j < sy; j++)
      for (let i = 0; i < sx; i++) {
        const risk = assessment.total[j * step * grid.nx + i * step] ?? 0;
        const k = j * sx + i;
        const height = risk > FLOOR ? Math.log10(risk / FLOOR) * decade : 0;
        positions.set(
          [grid.x0 + i * step * grid.cellSize - cx, height, -(grid.y0 + j * step * grid.cellSize - cy)],
          3 * k,
        );
        colour.setStyle(risk > FLOOR ? riskColour(risk) : '#dfe5ec', THREE.SRGBColorSpace);
        colours.set([colour.r, colour.g, colour.b], 3 * k);
      }
    const indices: number[] = [];
    for (let j = 0; j + 1 < sy; j++)
      for (let i = 0; i + 1 < sx; i++) {
        const a = j * sx + i;
        indices.push(a, a + 1, a + sx, a + 1, a + sx + 1, a + sx);
      }
    const surface = new THREE.BufferGeometry();
    surface.setAttribute('position', new THREE.BufferAttribute(positions, 3));
    surface.setAttribute('color', new THREE.BufferAttribute(colours, 3));
    surface.setIndex(indices);
    surface.computeVertexNormals();
    scene.add(
      new THREE.Mesh(
        surface,
        new THREE.MeshLambertMaterial({
          vertexColors: true,
          side: THREE.DoubleSide,
          transparent: true,
          opacity: 0.92,
        }),
      ),
    );

    const extrude = (polygon: readonly Point[], height: number, hex: string) => {
      const shape = new THREE.Shape(polygon.map(([x, y]) => new THREE.Vector2(x - cx, y - cy)));
      const geometry = new THREE.ExtrudeGeometry(shape, { depth: height, bevelEnabled: false });
      // Extruded along +z in the shape's plane; turn so the shape lies on the ground and rises along +y.
      geometry.rotateX(-Math.PI / 2);
      const mesh = new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ color: hex }));
      scene.add(mesh);
    };
    const square = ([x, y]: Point, half: number): Point[] =>
      [
        [x - half, y - half],
        [x + half, y - half],
        [x + half, y + half],
        [x - half, y + half],
      ] as unknown as Point[];
    const marker = span / 80;
    for (const inst of project.installations)
      extrude(inst.outline ?? square(inst.position, marker), decade * 1.2, '#37474f');
    const verdict = new Map(assessment.result.targets.map((target) => [target.id, target.complies]));
    for (const target of project.targets) {
      const outline = target.polygon ?? (target.position ? square(target.position, marker) : null);
      if (outline) extrude(outline, decade * 0.8, verdict.get(target.id) === false ? FAIL : PASS);
    }
    const ground = new THREE.GridHelper(span * 1.2, 12, 0x9aa6b2, 0xc9d1da);
    ground.position.y = -0.5;
    scene.add(ground);

    const camera = new THREE.PerspectiveCamera(40, 1, span / 100, span * 20);
    camera.position.set(span * 0.45, span * 0.7, span * 0.95);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.enableDamping = false;
    controls.target.set(0, decade, 0);
    controls.update();

    renderer.setPixelRatio(window.devicePixelRatio);
    element.appendChild(renderer.domElement);
    renderer.domElement.dataset.testid = 'three-canvas';
    const render = () => renderer.render(scene, camera);
    const resize = () => {
      const { clientWidth, clientHeight } = element;
      renderer.setSize(clientWidth, Math.max(clientHeight, 200));
      camera.aspect = clientWidth / Math.max(clientHeight, 200);
      camera.updateProjectionMatrix();
      render();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    controls.addEventListener('change', render);
    resize();
    return () => {
      observer.disconnect();
      controls.dispose();
      scene.traverse((object) => {
        if (object instanceof THREE.Mesh) {
          object.geometry.dispose();
          (object.material as THREE.Material).dispose();
        }
      });
      renderer.dispose();
      renderer.domElement.remove();
    };
  }, [assessment, failed]);

  return (
    <figure className="rs-three">
      <figcaption>
        {t('results.three.title')} <span className="muted">— {t('results.three.hint')}</span>
      </figcaption>
      {failed ? (
        <p className="error">{t('results.three.noWebgl')}</p>
      ) : (
        <div ref={holder} className="rs-three-canvas" data-testid="three-view" />
      )}
    </figure>
  );
}

function webglAvailable(): boolean {
  const canvas = document.createElement('canvas');
  return canvas.getContext('webgl2') !== null || canvas.getContext('webgl') !== null;
}

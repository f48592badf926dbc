/**
 * Child process of crash.test.ts: saves a project file over and over until it is killed.
 * Arguments: the project file, then the two project texts' files (A and B). Prints `ready` once the file is
 * open and a `.` after each completed step, so the parent can kill it at a random step whatever the
 * machine's speed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAutosave } from './autosave.ts';
import { ProjectStore } from './store.ts';

const [path, fileA, fileB] = process.argv.slice(2) as [string, string, string];
const texts = [readFileSync(fileA, 'utf8'), readFileSync(fileB, 'utf8')] as const;
const store = ProjectStore.open(path);
// New files copy their substances from this one (the bundled child has no library files beside it).
const library = { substances: [...store.substances.values()] };
process.stdout.write('ready\n');
for (let i = 1; ; i++) {
  store.save(texts[i % 2]!, { at: new Date().toISOString() });
  process.stdout.write('.');
  writeAutosave(path, texts[(i + 1) % 2]!, store.inputHash, new Date().toISOString());
  process.stdout.write('.');
  if (i % 2 === 1) {
    ProjectStore.create(join(dirname(path), `fresh-${i}.sdp`), texts[0], { library }).close();
    process.stdout.write('.');
  }
}

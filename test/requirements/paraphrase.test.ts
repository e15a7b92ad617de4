import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../spec/requirements/catalog.js';
import { modelDocStrings, readShared, seedTexts } from './shared-docs.js';
import { WordRunIndex, words } from './word-runs.js';

const RUN = 8;

function documentIndex(): WordRunIndex {
  const index = new WordRunIndex(RUN);
  index.add(readShared('CONFORMANCE-PROFILE.md'));
  for (const text of seedTexts().values()) index.add(text);
  // The models' documentation strings are prose too (models/README.md: facts only).
  for (const doc of modelDocStrings()) index.add(doc);
  return index;
}

describe('paraphrases are our own words', () => {
  it('the word-run detector catches copied text and ignores case and punctuation', () => {
    const index = new WordRunIndex(RUN);
    index.add('The quick brown fox jumps over the lazy dog, again and again.');
    expect(index.firstShared('Look: THE QUICK brown fox -- jumps over the LAZY dog!')).toBe(
      'the quick brown fox jumps over the lazy',
    );
    expect(index.firstShared('The quick brown fox jumps over a lazy dog')).toBeUndefined();
    expect(words('X-Amzn-ErrorType: <Shape>')).toEqual(['x', 'amzn', 'errortype', 'shape']);
  });

  it('catches a sentence lifted from the profile', () => {
    const index = documentIndex();
    const lifted = 'A patch with a stale SyncCount makes the request fail with 409 ResourceConflictException.';
    expect(index.firstShared(lifted)).toBeDefined();
  });

  it(`no catalog text shares ${RUN} consecutive words with the profile, the seed pages or the model docs`, () => {
    const index = documentIndex();
    const copied = REQUIREMENTS.map((r) => ({ id: r.id, run: index.firstShared(r.text) })).filter((x) => x.run);
    expect(copied).toEqual([]);
  });
});

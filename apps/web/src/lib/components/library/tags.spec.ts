import { describe, expect, it } from 'vitest';
import { tagsOf } from './tags.ts';

describe('tagsOf', () => {
  it('splits at commas of either width, 、 and spaces, and drops empties and repeats', () => {
    expect(tagsOf('血的教训，有限空间, 危险化学品、 血的教训  ')).toEqual(['血的教训', '有限空间', '危险化学品']);
    expect(tagsOf(' ， ')).toEqual([]);
  });
});

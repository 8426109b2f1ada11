import { describe, expect, it } from 'vitest';
import { courseLine } from './course-line';

const coordinator = {
  title: '医療的ケア児等コーディネーター養成研修',
  kindLabel: '医療的ケア児等コーディネーター養成研修',
};

describe('the course line under a session title', () => {
  it('names the kind once when the course title already carries it', () => {
    expect(courseLine(coordinator, '養成研修（定員40名・選考あり）', 'ja')).toBe(
      '医療的ケア児等コーディネーター養成研修',
    );
    expect(
      courseLine(
        { title: 'ブラッシュアップ研修 災害時の個別避難計画', kindLabel: 'ブラッシュアップ研修' },
        'ブラッシュアップ研修',
        'ja',
      ),
    ).toBe('ブラッシュアップ研修 災害時の個別避難計画');
  });

  it('adds the kind when neither title says it, in the locale’s brackets', () => {
    const course = { title: '湘南東部 事例検討', kindLabel: '事例検討会' };
    expect(courseLine(course, '第2回', 'ja')).toBe('湘南東部 事例検討（事例検討会）');
    expect(courseLine({ ...coordinator, kindLabel: 'Coordinator course' }, '第1回', 'en')).toBe(
      '医療的ケア児等コーディネーター養成研修 (Coordinator course)',
    );
  });

  it('leaves out a course titled like its session, ignoring spaces and full-width forms', () => {
    expect(
      courseLine({ title: '看護職員確保研修', kindLabel: '看護職員確保研修' }, '看護職員確保研修', 'ja'),
    ).toBeNull();
    expect(courseLine({ title: 'ＡＢＣ 研修', kindLabel: 'Case study session' }, 'ABC研修', 'en')).toBe(
      'Case study session',
    );
  });
});

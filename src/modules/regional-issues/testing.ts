/** Records of the regional-issues module for other modules' tests (the endpoint matrix's world). */
import type { TestClient } from '../../test/app';

/**
 * A regional issue and a development project raised through the API by a centre user, in a region or a
 * municipality of its prefecture.
 */
export async function issueRecords(
  client: TestClient,
  place: { regionId: string } | { municipalityCode: string },
): Promise<{ regionalIssue: string; developmentProject: string }> {
  const issue = await client.post('/api/regional-issues', {
    title: '医療型短期入所が足りない',
    description: '圏域に受け入れ先がない。',
    ...place,
  });
  if (issue.status !== 201) throw new Error(`regional issue: ${issue.status} ${JSON.stringify(issue.body)}`);
  const project = await client.post('/api/development-projects', {
    kind: 'medical_short_stay',
    title: '医療型短期入所の開設',
    stage: 'operator_advised',
    advisedOn: '2026-06-01',
    ...place,
  });
  if (project.status !== 201) throw new Error(`project: ${project.status} ${JSON.stringify(project.body)}`);
  return { regionalIssue: issue.body.id, developmentProject: project.body.id };
}

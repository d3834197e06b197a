// The publishing build's own checks: what the pipeline refuses to upload alone, and the settings that switch the pipeline on.
import { describe, expect, it } from 'vitest';
import { readPublishingConfig } from '../../infra/lib/publishing-config.ts';
import { joinKeys, releaseProblems, splitKeys } from '../../infra/lib/release-check.ts';
import type { InlineInventory } from '../../infra/lib/site-csp.ts';

const inventory = (scripts: string[], styles: string[] = []): InlineInventory => ({
  pages: 2,
  scriptHashes: scripts,
  styleHashes: styles,
  styleAttributeHashes: [],
  firstSeen: Object.fromEntries([...scripts, ...styles].map((hash) => [hash, 'en/index.html'])),
});

const deployed = {
  contentSecurityPolicy: "default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'sha256-CCC='",
  documentKeys: ['documents/en/brochure.pdf', 'factsheets/vi/ip-khanh-an.pdf'],
};

describe('releaseProblems', () => {
  it('lets through a build whose inline code and documents the deployment already has (fewer is fine)', () => {
    expect(releaseProblems(inventory(["'sha256-AAA='"], ["'sha256-CCC='"]), ['documents/en/brochure.pdf'], deployed)).toEqual([]);
  });

  it('refuses inline code the deployed policy does not allow, naming the page', () => {
    const problems = releaseProblems(inventory(["'sha256-AAA='", "'sha256-NEW='"]), [], deployed);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^en\/index\.html has inline code \('sha256-NEW='\).*npm run deploy/);
  });

  it('does not take a hash of one directive for another, nor a prefix for the whole', () => {
    expect(releaseProblems(inventory(["'sha256-AA='"]), [], deployed)).toHaveLength(1);
  });

  it('refuses a document the downloads function does not know yet', () => {
    const problems = releaseProblems(inventory([]), ['documents/en/brochure.pdf', 'documents/vi/new-decree.pdf'], deployed);
    expect(problems).toEqual([expect.stringMatching(/^document documents\/vi\/new-decree\.pdf is new: .*npm run deploy/)]);
  });

  it('carries document keys through one environment variable and back', () => {
    expect(splitKeys(joinKeys(['b/2.pdf', 'a/1.pdf']))).toEqual(['a/1.pdf', 'b/2.pdf']);
    expect(splitKeys(joinKeys([]))).toEqual([]);
  });
});

describe('readPublishingConfig', () => {
  const connection = 'arn:aws:codeconnections:ap-southeast-1:123456789012:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
  const read = (context: Record<string, string>) => readPublishingConfig((key) => context[key]);

  it('is off without a connection and a repository', () => {
    expect(read({})).toBeUndefined();
  });

  it('reads the connection, the repository, the branch (main by default) and the publishers', () => {
    expect(
      read({
        sourceConnectionArn: connection,
        sourceRepository: 'camau-dfa/invest-site',
        publisherEmails: ' a@camau.gov.vn,b@camau.gov.vn, a@camau.gov.vn',
      }),
    ).toEqual({
      connectionArn: connection,
      owner: 'camau-dfa',
      repository: 'invest-site',
      branch: 'main',
      publisherEmails: ['a@camau.gov.vn', 'b@camau.gov.vn'],
    });
    expect(
      read({
        sourceConnectionArn: connection.replace('codeconnections', 'codestar-connections'),
        sourceRepository: 'a/b',
        contentBranch: 'content',
      })?.branch,
    ).toBe('content');
  });

  it('says what is missing or wrong, with the key to pass', () => {
    expect(() => read({ sourceRepository: 'a/b' })).toThrow(/"sourceConnectionArn".*-c sourceConnectionArn=/);
    expect(() => read({ sourceConnectionArn: connection })).toThrow(/"sourceRepository"/);
    expect(() => read({ sourceConnectionArn: 'arn:aws:s3:::bucket', sourceRepository: 'a/b' })).toThrow(/connection ARN/);
    expect(() => read({ sourceConnectionArn: connection, sourceRepository: 'no-slash' })).toThrow(/owner\/name/);
    expect(() => read({ sourceConnectionArn: connection, sourceRepository: 'a/b', contentBranch: 'x; rm -rf /' })).toThrow(/branch/);
    expect(() => read({ sourceConnectionArn: connection, sourceRepository: 'a/b', publisherEmails: 'not-an-address' })).toThrow(/e-mail/);
  });
});

// The publishing build's own checks: what the pipeline refuses to upload alone, and the settings that switch the pipeline on.
import { describe, expect, it } from 'vitest';
import { readPublishingConfig } from '../../infra/lib/publishing-config.ts';
import { CODEBUILD_VARIABLE_MAX_LENGTH, decodeIds, encodeIds, releaseProblems } from '../../infra/lib/release-check.ts';
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
  documentIds: ['investment-brochure-en', 'factsheet-ip-khanh-an-vi'],
};

describe('releaseProblems', () => {
  it('lets through a build whose inline code and documents the deployment already has (fewer is fine)', () => {
    expect(releaseProblems(inventory(["'sha256-AAA='"], ["'sha256-CCC='"]), ['investment-brochure-en'], deployed)).toEqual([]);
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
    const problems = releaseProblems(inventory([]), ['investment-brochure-en', 'decree-2026-vi'], deployed);
    expect(problems).toEqual([expect.stringMatching(/^document decree-2026-vi is new: .*npm run deploy/)]);
  });

  it('carries document ids through one environment variable and back, compressed, and says when they no longer fit', () => {
    expect(decodeIds(encodeIds(['b-2', 'a-1', 'b-2']))).toEqual(['a-1', 'b-2']);
    expect(decodeIds(encodeIds([]))).toEqual([]);
    const many = Array.from({ length: 500 }, (_, i) => `factsheet-zone-${i}-${['en', 'vi', 'ms'][i % 3]}`);
    expect(encodeIds(many).length).toBeLessThan(CODEBUILD_VARIABLE_MAX_LENGTH);
    const random = Array.from({ length: 3000 }, (_, i) => `${i}-${Math.random().toString(36).slice(2)}`);
    expect(() => encodeIds(random)).toThrow(/over CodeBuild's 4096/);
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

// /api/staff/*: the investor-relations console's API (inbox, one inquiry, owner, status, notes, replies, CSV, erasure, dashboard, translation status), each route behind the group the role matrix gives it.
import type { Context, Handler, Hono } from 'hono';
import { checkDashboardQuery, dashboardFigures, dashboardPeriod, type DashboardAnswer } from '#domain/inquiries/dashboard.ts';
import type { Checked } from '#domain/errors.ts';
import type { InquiryListItem, InquiryRecord } from '#domain/inquiries/record.ts';
import { STAFF_ROUTES, type StaffActor, type StaffRoute } from '#domain/inquiries/staff-access.ts';
import {
  ChangeRefused,
  addNote,
  changeOwner,
  changeStatus,
  checkNote,
  checkOwnerChange,
  checkReply,
  checkStatusChange,
} from '#domain/inquiries/staff/changes.ts';
import { checkErasure } from '#domain/inquiries/staff/erasure.ts';
import { checkInquiryFilter, inboxOrder, matchesFilter, type InquiryFilter } from '#domain/inquiries/staff/filters.ts';
import { STAFF_LIMITS } from '#domain/inquiries/staff/limits.ts';
import { inquiryCsvRow, inquiryDetail, summarize, type InboxAnswer, type InquiryAnswer } from '#domain/inquiries/staff/views.ts';
import type { ChangeContext } from '#domain/inquiries/staff/history.ts';
import { ChangeContendedError, InquiryNotFoundError, StaleVersionError, changeInquiry } from '../staff/changes.ts';
import { erasePerson } from '../staff/erase.ts';
import { replyToInquiry } from '../staff/reply.ts';
import { inquiriesCsv } from './csv.ts';
import type { StaffDeps } from './deps.ts';
import { ApiProblem, problem } from './problems.ts';
import { limitBody, methodNotAllowed, readJson } from './request.ts';
import { publicAuthSettings, requireGroup, requireStaff, staffOf, type StaffVariables } from './staff-auth.ts';

/** A reply of 20,000 characters in a four-byte script still fits. */
const STAFF_BODY_BYTES = 128 * 1024;

type StaffContext = Context<{ Variables: StaffVariables }>;
type StaffHandler = Handler<{ Variables: StaffVariables }>;

/** What a 405 offers for a route's method: GET routes also answer HEAD. */
const allowed = (method: string) => (method === 'GET' ? 'GET, HEAD' : method);

function accept<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new ApiProblem(400, checked.errors);
  return checked.value;
}

const conflict = () => problem(409, 'conflict', 'version');

function actor(c: StaffContext): StaffActor {
  const { id, name } = staffOf(c);
  return { id, name };
}

/** How the staff use cases' refusals read over HTTP: the one place they become answers. */
function asProblem(error: unknown): unknown {
  if (error instanceof InquiryNotFoundError) return problem(404, 'not_found');
  if (error instanceof StaleVersionError) return conflict();
  if (error instanceof ChangeRefused) return new ApiProblem(409, [error.error]);
  if (error instanceof ChangeContendedError) return problem(409, 'conflict');
  return error;
}

async function answering<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asProblem(error);
  }
}

export function staffRoutes(deps: StaffDeps) {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const context = (c: StaffContext): ChangeContext => ({ by: actor(c), now: new Date(deps.now()).toISOString(), newId });

  async function load(id: string): Promise<InquiryRecord> {
    const inquiry = await deps.inquiries.get(id);
    if (!inquiry) throw problem(404, 'not_found');
    return inquiry;
  }

  /** What the inquiry view shows: all it says, its promise dates, its history, and the investor's downloads. */
  async function detail(inquiry: InquiryRecord): Promise<InquiryAnswer> {
    const downloads = inquiry.email ? await deps.downloads.byLead(inquiry.email) : [];
    return {
      inquiry: inquiryDetail(inquiry, deps.now()),
      downloads: downloads.map((d) => ({
        documentId: d.documentId,
        title: deps.documents.get(d.documentId)?.title ?? null,
        documentVersion: d.documentVersion,
        at: d.at,
        language: d.language,
        itemId: d.itemId ?? null,
      })),
    };
  }

  /** One staff change to the inquiry in the path, from the version the caller saw. */
  const change = (c: StaffContext, expected: number, apply: (inquiry: InquiryRecord, ctx: ChangeContext) => InquiryRecord) =>
    answering(changeInquiry(deps.inquiries, c.req.param('id')!, expected, (inquiry) => apply(inquiry, context(c))));

  function filtered(inquiries: InquiryListItem[], filter: InquiryFilter, c: StaffContext): InquiryListItem[] {
    const now = deps.now();
    return inquiries.filter((inquiry) => matchesFilter(inquiry, filter, actor(c), now)).sort(inboxOrder(now));
  }

  async function listFor(c: StaffContext): Promise<{ filter: InquiryFilter; rows: InquiryListItem[] }> {
    const filter = accept(checkInquiryFilter(c.req.query()));
    const receivedFrom =
      filter.maxAgeDays !== undefined ? new Date(deps.now() - filter.maxAgeDays * 86_400_000 - 60_000).toISOString() : undefined;
    const all = await deps.inquiries.list({
      ...(filter.status ? { statuses: filter.status } : {}),
      ...(receivedFrom ? { receivedFrom } : {}),
    });
    return { filter, rows: filtered(all, filter, c) };
  }

  return (app: Hono) => {
    // Public: where and with which app client the console signs in. Nothing secret (the client has no secret).
    app.get('/api/auth/config', (c) => c.json(publicAuthSettings(deps.auth)));
    app.all('/api/auth/config', methodNotAllowed('GET, HEAD'));

    const staff = app as unknown as Hono<{ Variables: StaffVariables }>;
    // Before any route, so an unknown staff path says 401 to a stranger rather than revealing what exists.
    staff.use('/api/staff', requireStaff(deps.auth, deps.log, deps.keys));
    staff.use('/api/staff/*', requireStaff(deps.auth, deps.log, deps.keys));

    /**
     * The one place a staff route is registered: the group it needs comes from the role matrix (STAFF_ROUTES),
     * checked before any of its handlers runs, and another method on its path is 405.
     */
    const route = (key: StaffRoute, ...handlers: StaffHandler[]) => {
      const [method, path] = key.split(' ') as [string, string];
      staff.on(method, path, requireGroup(STAFF_ROUTES[key]), ...handlers);
      staff.all(path, methodNotAllowed(allowed(method)));
    };

    route('GET /api/staff/me', (c) => c.json(staffOf(c)));

    route('GET /api/staff/members', async (c) => c.json({ members: await deps.directory.list() }));
    // The console says "I am here" after signing in, so colleagues can assign inquiries to this person.
    route('PUT /api/staff/members/me', async (c) => {
      const member = { ...actor(c), lastSeenAt: new Date(deps.now()).toISOString() };
      await deps.directory.seen(member);
      return c.json(member);
    });

    route('GET /api/staff/inquiries', async (c) => {
      const { rows } = await listFor(c);
      const now = deps.now();
      const answer: InboxAnswer = {
        inquiries: rows.slice(0, STAFF_LIMITS.listMax).map((row) => summarize(row, now)),
        total: rows.length,
        truncated: rows.length > STAFF_LIMITS.listMax,
        now: new Date(now).toISOString(),
      };
      return c.json(answer);
    });

    route('GET /api/staff/inquiries.csv', async (c) => {
      const { filter, rows } = await listFor(c);
      const now = deps.now();
      const csv = inquiriesCsv(rows.map((row) => inquiryCsvRow(row, now)));
      // Who took personal data out of the system, and how much: the filters, but not a search text (it may be a name).
      const { q, ...filters } = filter;
      await deps.audit.record({
        at: new Date(now).toISOString(),
        by: actor(c),
        action: 'export',
        details: { rows: rows.length, filters, ...(q ? { search: true } : {}) },
      });
      const day = new Date(now).toISOString().slice(0, 10);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="inquiries-${day}.csv"`);
      return c.body(csv);
    });

    route('GET /api/staff/inquiries/:id', async (c) => c.json(await detail(await load(c.req.param('id')!))));

    route('PUT /api/staff/inquiries/:id/owner', limitBody(STAFF_BODY_BYTES), async (c) => {
      const body = accept(checkOwnerChange(await readJson(c)));
      let to: StaffActor | null = null;
      if (body.owner === 'me') to = actor(c);
      else if (body.owner !== null) {
        const member = (await deps.directory.list()).find((m) => m.id === body.owner);
        if (!member) throw problem(400, 'not_allowed', 'owner');
        to = { id: member.id, name: member.name };
      }
      const next = await change(c, body.version, (inquiry, ctx) => changeOwner(inquiry, to, ctx));
      return c.json(await detail(next));
    });

    route('PUT /api/staff/inquiries/:id/status', limitBody(STAFF_BODY_BYTES), async (c) => {
      const body = accept(checkStatusChange(await readJson(c)));
      const next = await change(c, body.version, (inquiry, ctx) => changeStatus(inquiry, body.status, ctx));
      return c.json(await detail(next));
    });

    route('POST /api/staff/inquiries/:id/notes', limitBody(STAFF_BODY_BYTES), async (c) => {
      const body = accept(checkNote(await readJson(c)));
      const next = await change(c, body.version, (inquiry, ctx) => addNote(inquiry, body.text, ctx));
      return c.json(await detail(next), 201);
    });

    /**
     * The reply is stored first (one conditional write: a second person replying from the same version
     * gets 409 and no second e-mail goes out), then sent, then its delivery is recorded.
     */
    route('POST /api/staff/inquiries/:id/replies', limitBody(STAFF_BODY_BYTES), async (c) => {
      const body = accept(checkReply(await readJson(c)));
      const request = { id: c.req.param('id')!, version: body.version, text: body.text, answers: body.answers, by: actor(c) };
      const { inquiry, delivery } = await answering(replyToInquiry({ ...deps, newId }, request));
      return c.json({ ...(await detail(inquiry)), delivery } satisfies InquiryAnswer, 201);
    });

    /** Everything about one person, found by e-mail: their inquiries, downloads and kept mail lose what identifies them. */
    route('POST /api/staff/erasures', limitBody(STAFF_BODY_BYTES), async (c) => {
      const { email, resume } = accept(checkErasure(await readJson(c)));
      return c.json(await answering(erasePerson({ ...deps, newId }, email, actor(c), resume)));
    });

    route('GET /api/staff/dashboard', async (c) => {
      const query = accept(checkDashboardQuery(c.req.query()));
      const now = deps.now();
      const period = dashboardPeriod(query, now);
      const fromIso = new Date(period.fromMs).toISOString();
      const [inquiries, downloads] = await Promise.all([deps.inquiries.list({ receivedFrom: fromIso }), deps.downloads.facts(fromIso)]);
      const figures = dashboardFigures(inquiries, downloads, period, now);
      const titles = Object.fromEntries(deps.documents.list().map((doc) => [doc.id, doc.title]));
      return c.json({ ...figures, documentTitles: titles } satisfies DashboardAnswer);
    });

    // The same report as `npm run content:status`, made from content/ when the function was built (locally: at start).
    route('GET /api/staff/translations', (c) => c.json(deps.translations));

    route('GET /api/staff/audit', async (c) => c.json({ entries: await deps.audit.recent(100, deps.now()) }));
  };
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { Select } from '../../components/Select';
import { NetworkError, request } from '../../graphql/client';
import {
  ServicesApplicationOneDocument,
  ServicesApplicationResubmitDocument,
  ServicesApplicationSubmitDocument,
  ServicesApplyContextDocument,
  type ServicesApplicationFragment,
  type ServicesApplyContextQuery,
  type ServicesResultFragment,
} from '../../graphql/generated/graphql';
import { t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { parseServerData } from '../../offline/draftSync';
import { CACHE_KEYS } from '../../offline/keys';
import { HelpLink } from '../help/HelpLink';
import { secureRequest } from '../identity/identityApi';
import { IdentityStepUpNotice } from '../identity/IdentityStepUpNotice';
import { me, navigate } from '../identity/identitySession';
import { ServicesMaterialPicker, type MaterialChange } from './ServicesMaterialPicker';
import { useServiceItem, type ItemBundle } from './servicesHooks';
import { ts, tsMaybe } from './servicesMessages';
import { checkValue, choices, expiryId, fieldForPath, fieldId, maxLength, materialId, parseTarget, suggestions } from './servicesModel';
import {
  applicationDraftId,
  asSentence,
  cacheGet,
  cachePut,
  deleteApplicationDraft,
  fixDraftId,
  loadApplicationDraft,
  pick,
  type ApplicationDraft,
  type DraftMaterial,
} from './servicesStore';
import {
  adoptServerCopy,
  deviceLabel,
  isSyncable,
  loadSync,
  NEVER_SYNCED,
  parseShared,
  pickUp,
  storeConflict,
  storeDraft,
  syncApplicationDraft,
  type SharedDraft,
  type SyncMeta,
} from './servicesDrafts';
import { UploadInterrupted, UploadRefused, uploadKeptFile } from './servicesUpload';
import './services.css';

type Context = ServicesApplyContextQuery;
type Phase = 'idle' | 'uploading' | 'sending';

const AUTOSAVE_MS = 300;
const SYNC_MS = 1500;

/** Apply for an item (`code`), or fix an application that came back with corrections (`applicationId`). */
export function ServicesApply({ code, applicationId }: { code?: string; applicationId?: string }) {
  const [application, setApplication] = useState<ServicesApplicationFragment | null | undefined>(applicationId ? undefined : null);
  useEffect(() => {
    if (!applicationId) return;
    let live = true;
    void cacheGet<ServicesApplicationFragment>(CACHE_KEYS.application(applicationId)).then((c) => live && c && setApplication((a) => a ?? c));
    request(ServicesApplicationOneDocument, { id: applicationId })
      .then((data) => {
        if (!live) return;
        setApplication(data.application ?? null);
        if (data.application) void cachePut(CACHE_KEYS.application(applicationId), data.application);
      })
      .catch(() => live && setApplication((a) => a ?? null));
    return () => {
      live = false;
    };
  }, [applicationId]);
  const itemCode = code ?? application?.itemCode ?? '';
  if (applicationId && application === undefined) return <p role="status">{t('loading')}</p>;
  if (applicationId && !application)
    return (
      <section class="page">
        <PageHeading title={ts('application.missing')}>{ts('application.missing')}</PageHeading>
      </section>
    );
  return <ServicesApplyLoaded itemCode={itemCode} application={application ?? null} />;
}

function ServicesApplyLoaded({ itemCode, application }: { itemCode: string; application: ServicesApplicationFragment | null }) {
  const { bundle } = useServiceItem(itemCode);
  const [context, setContext] = useState<Context | null | undefined>(undefined);
  const [draft, setDraft] = useState<ApplicationDraft | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const key = 'services.applyContext';
    request(ServicesApplyContextDocument, {})
      .then((data) => {
        if (!live) return;
        setContext(data);
        void cachePut(key, data);
      })
      .catch(async () => live && setContext((await cacheGet<Context>(key)) ?? null));
    return () => {
      live = false;
    };
  }, []);

  // The draft: the one on this device, or a new one with what we already know filled in.
  useEffect(() => {
    if (!bundle || context === undefined || draft) return;
    const id = application ? fixDraftId(application.id) : applicationDraftId(itemCode);
    void (async () => {
      const saved = await loadApplicationDraft(id);
      if (!application) {
        // The account's copy wins when it is newer and nothing here is unsaved; when both
        // changed, the person is shown both.
        const server = (context?.myApplicationDrafts ?? []).find((d) => d.itemCode === itemCode);
        const action = pickUp(saved ? await loadSync(id) : undefined, server);
        if (server && action === 'adopt') {
          const data = parseServerData(server.dataJson, parseShared);
          return setDraft(await adoptServerCopy({ itemCode, version: server.version, data }, saved));
        }
        if (server && action === 'conflict') await storeConflict(id, server);
      }
      if (saved && (!application || saved.applicationId === application.id)) return setDraft(saved);
      if (application) {
        return setDraft({
          id,
          itemCode,
          applicationId: application.id,
          form: Object.fromEntries(application.form.map((f) => [f.element, f.value])),
          suggested: {},
          materials: Object.fromEntries(application.materials.map((m) => [m.material, { documentId: m.documentId }])),
          idempotencyKey: crypto.randomUUID(),
        });
      }
      const found = suggestions(
        bundle.item.form.map((f) => f.element),
        context?.me?.person,
        context?.myApplications ?? [],
      );
      setDraft({
        id,
        itemCode,
        form: Object.fromEntries(Object.entries(found).map(([k, s]) => [k, s.value])),
        suggested: Object.fromEntries(Object.entries(found).map(([k, s]) => [k, s.source])),
        materials: {},
        idempotencyKey: crypto.randomUUID(),
      });
    })();
  }, [bundle, context, application]);

  if (bundle === undefined || context === undefined || !draft) return <p role="status">{t('loading')}</p>;
  if (bundle === null)
    return (
      <section class="page">
        <PageHeading title={ts('item.missing')}>{ts('item.missing')}</PageHeading>
      </section>
    );
  return <ServicesApplyForm bundle={bundle} context={context} application={application} initial={draft} />;
}

function ServicesApplyForm({
  bundle,
  context,
  application,
  initial,
}: {
  bundle: ItemBundle;
  context: Context | null;
  application: ServicesApplicationFragment | null;
  initial: ApplicationDraft;
}) {
  const { item, elements, materials: types } = bundle;
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [phase, setPhase] = useState<Phase>('idle');
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const latest = useRef(draft);
  latest.current = draft;
  const syncable = isSyncable(initial);
  const [sync, setSync] = useState<SyncMeta>(NEVER_SYNCED);
  const syncTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The person changed something not yet written here; `quiet`: the next write is not an edit
  // (the draft as opened, or the account's copy just taken in).
  const dirty = useRef(false);
  const quiet = useRef(true);
  // A document chosen or removed is written at once, not after the typing pause: choosing is one
  // act, and a person who closes the page right after it must find the file there again.
  const saveNow = useRef(false);

  // Fixing: only what the corrections name can change.
  const targets = useMemo(() => {
    if (!application) return null;
    const set = new Set<string>();
    for (const c of application.corrections) set.add(c.target);
    return set;
  }, [application]);
  const editable = (kind: 'field' | 'material', code: string) => !targets || targets.has(`${kind}:${code}`);

  // To the account: debounced, when back online, and never for a fix (it stays on this device).
  const scheduleSync = useCallback(() => {
    if (!syncable) return;
    clearTimeout(syncTimer.current);
    syncTimer.current = setTimeout(() => {
      if (!navigator.onLine || !me.value?.person) return;
      void syncApplicationDraft(initial.id).then(async () => setSync(await loadSync(initial.id)));
    }, SYNC_MS);
  }, [syncable, initial.id]);
  useEffect(() => {
    if (!syncable) return;
    void loadSync(initial.id).then((meta) => {
      setSync(meta);
      if (meta.unsynced) scheduleSync();
    });
    addEventListener('online', scheduleSync);
    return () => {
      removeEventListener('online', scheduleSync);
      clearTimeout(syncTimer.current);
    };
  }, [syncable, initial.id, scheduleSync]);

  // On this device: debounced, and at once when the page is hidden.
  useEffect(() => {
    const edited = !quiet.current;
    quiet.current = false;
    const delay = saveNow.current ? 0 : AUTOSAVE_MS;
    saveNow.current = false;
    const timer = setTimeout(() => {
      dirty.current = false;
      void storeDraft(draft, { edited }).then(() => {
        // "Saved" speaks of the draft on screen: a slow write of an earlier version, ending
        // after a later change, says nothing (the later change has its own write coming).
        if (latest.current === draft) setSaved(true);
        if (edited) scheduleSync();
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => {
    const flush = () => {
      if (dirty.current) void storeDraft(latest.current, { edited: true });
      dirty.current = false;
    };
    addEventListener('pagehide', flush);
    return () => removeEventListener('pagehide', flush);
  }, []);

  const keepMine = async () => {
    await storeDraft(latest.current, { edited: true });
    await syncApplicationDraft(initial.id, { force: true });
    setSync(await loadSync(initial.id));
  };
  const keepTheirs = async (conflict: NonNullable<SyncMeta['conflict']>) => {
    const next = await adoptServerCopy({ itemCode: initial.itemCode, version: conflict.serverVersion, data: conflict.serverData }, latest.current);
    quiet.current = true;
    setDraft(next);
    setSync(await loadSync(initial.id));
  };
  // A correction's link lands on its control.
  useEffect(() => {
    const target = location.hash.slice(1);
    // After the heading has taken focus for the new page (PageHeading), move it to the control.
    if (!target) return;
    const timer = setTimeout(() => {
      const control = document.getElementById(target);
      control?.focus();
      control?.scrollIntoView?.({ block: 'center' });
    }, 150);
    return () => clearTimeout(timer);
  }, []);

  // Changes apply to the draft as it is when they land, not as it was when they began: a photo
  // prepared for seconds must not undo what was chosen or typed meanwhile.
  const update = (change: (current: ApplicationDraft) => Partial<ApplicationDraft>) => {
    dirty.current = true;
    setSaved(false);
    setDraft((d) => ({ ...d, ...change(d) }));
  };
  const setValue = (element: string, value: string) =>
    update((d) => {
      const suggested = { ...d.suggested };
      delete suggested[element];
      return { form: { ...d.form, [element]: value }, suggested };
    });
  const setMaterial = (code: string, next: MaterialChange) => {
    saveNow.current = true;
    update((d) => ({ materials: { ...d.materials, [code]: typeof next === 'function' ? next(d.materials[code] ?? {}) : next } }));
  };

  const elementName = (code: string) => (elements[code] ? pick(elements[code].name) : code);
  const materialName = (code: string) => (types[code] ? pick(types[code].name) : code);
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  function check(): SummaryError[] {
    const found: SummaryError[] = [];
    for (const f of item.form) {
      const element = elements[f.element];
      if (!element || !editable('field', f.element)) continue;
      const problem = checkValue(element, draft.form[f.element] ?? '', f.required);
      if (!problem) continue;
      const name = elementName(f.element);
      const message =
        problem === 'format'
          ? ts('apply.err.format', { name, hint: pick(element.definition) || name })
          : problem === 'tooLong'
            ? ts('apply.err.tooLong', { name, n: maxLength(element) ?? 500 })
            : ts(`apply.err.${problem}`, { name });
      found.push({ fieldId: fieldId(f.element), message });
    }
    for (const m of item.materials) {
      if (!editable('material', m.material)) continue;
      const value = draft.materials[m.material] ?? {};
      if (m.required && !value.documentId && !value.pendingFileId)
        found.push({ fieldId: materialId(m.material), message: ts('apply.err.material', { name: materialName(m.material) }) });
      if (value.pendingFileId && types[m.material]?.requiresValidity && !value.expiryDate)
        found.push({ fieldId: expiryId(m.material), message: ts('apply.err.expiry', { name: materialName(m.material) }) });
    }
    return found;
  }

  async function uploadPending(current: ApplicationDraft): Promise<ApplicationDraft | null> {
    let next = current;
    for (const [codeKey, value] of Object.entries(current.materials)) {
      if (!value.pendingFileId) continue;
      try {
        const document = await uploadKeptFile({
          fileId: value.pendingFileId,
          materialCode: codeKey,
          issueDate: value.issueDate,
          expiryDate: value.expiryDate,
        });
        next = { ...next, materials: { ...next.materials, [codeKey]: { documentId: document.id } } };
        setDraft(next);
        await storeDraft(next, { edited: true });
      } catch (error) {
        if (error instanceof UploadRefused) {
          const id = error.field === 'expiryDate' || error.field === 'issueDate' ? expiryId(codeKey) : materialId(codeKey);
          setErrors([{ fieldId: id, message: ts('apply.err.server', { name: materialName(codeKey), message: error.message }) }]);
        } else if (error instanceof UploadInterrupted) {
          setNotice({ kind: 'error', text: navigator.onLine ? ts('apply.interrupted') : ts('apply.offline') });
        } else throw error;
        return null;
      }
    }
    return next;
  }

  function showResult(result: ServicesResultFragment, sent: { material: string }[]): void {
    if (result.__typename === 'ValidationError') {
      setErrors(
        result.errors.map((e) => {
          const id = fieldForPath(e.field, sent) ?? 'apply-submit';
          const code = id.replace(/^(field|material)-/, '').replace(/-expiry$/, '');
          const name = id.startsWith('field-') ? elementName(code) : id.startsWith('material-') ? materialName(code) : '';
          return { fieldId: id, message: name ? ts('apply.err.server', { name, message: e.message }) : e.message };
        }),
      );
    } else if (result.__typename === 'ApplicationError') {
      setNotice({ kind: 'error', text: ts('apply.refused', { message: result.message }) });
    }
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (phase !== 'idle') return;
    setNotice(null);
    const found = check();
    setErrors(found);
    if (found.length > 0) return;
    try {
      setPhase('uploading');
      const uploaded = await uploadPending(draft);
      if (!uploaded) return;
      setPhase('sending');
      const formData = item.form
        .map((f) => ({ element: f.element, value: (uploaded.form[f.element] ?? '').trim() }))
        .filter((f) => f.value !== '');
      const materials = item.materials
        .map((m) => ({ material: m.material, documentId: uploaded.materials[m.material]?.documentId ?? '' }))
        .filter((m) => m.documentId !== '');
      const result = application
        ? (await secureRequest(ServicesApplicationResubmitDocument, { applicationId: application.id, formData, materials })).applicationResubmit
        : (
            await secureRequest(ServicesApplicationSubmitDocument, {
              itemCode: item.code,
              formData,
              materials,
              idempotencyKey: uploaded.idempotencyKey,
            })
          ).applicationSubmit;
      if (result.__typename === 'ApplicationDone') {
        // The server removed its copy of the draft with the submission.
        clearTimeout(syncTimer.current);
        await deleteApplicationDraft(uploaded.id);
        navigate(`/services/applications/${result.applicationId}?${application ? 'resent' : 'sent'}=1`);
        return;
      }
      showResult(result, materials);
    } catch (error) {
      if (error instanceof NetworkError) setNotice({ kind: 'error', text: ts('apply.offline') });
      else setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setPhase('idle');
    }
  };

  const vault = context?.myDocuments.nodes ?? [];
  const title = application ? ts('apply.fixTitle', { number: application.number }) : ts('apply.title', { name: pick(item.name) });
  return (
    <section class="page services-apply">
      <PageHeading title={title}>{title}</PageHeading>
      <ErrorSummary errors={errors} />
      {application && <p class="lead">{ts('apply.fixLead')}</p>}
      {notice && (
        <Notice kind={notice.kind} live="alert">
          <p>{notice.text}</p>
        </Notice>
      )}
      {sync.conflict && (
        <Notice kind="error" title={ts('draft.conflict.title')} live="alert">
          <p>
            {ts('draft.conflict.body', {
              device: deviceLabel(sync.conflict.device),
              time: sync.conflict.updatedAt ? formatDateTime(sync.conflict.updatedAt) : '—',
            })}
          </p>
          <div class="conflict" data-testid="draft-conflict">
            <div>
              <h2 class="conflict__title">{ts('draft.conflict.mine')}</h2>
              <ServicesDraftValues shared={draft} name={elementName} withDocuments={item.materials.length > 0} />
              <Button onClick={() => void keepMine()}>{ts('draft.conflict.keepMine')}</Button>
            </div>
            <div>
              <h2 class="conflict__title">{ts('draft.conflict.theirs')}</h2>
              <ServicesDraftValues shared={sync.conflict.serverData} name={elementName} withDocuments={item.materials.length > 0} />
              <Button variant="secondary" onClick={() => void keepTheirs(sync.conflict!)}>
                {ts('draft.conflict.keepTheirs')}
              </Button>
            </div>
          </div>
        </Notice>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2>{ts('apply.details')}</h2>
        {item.form.map((f) => {
          const element = elements[f.element];
          const id = fieldId(f.element);
          const name = elementName(f.element);
          const value = draft.form[f.element] ?? '';
          if (!editable('field', f.element))
            return (
              <dl class="summary-list services-fixed" key={f.element}>
                <dt>{name}</dt>
                <dd>{tsMaybe(`choice.${value}`) ?? value}</dd>
              </dl>
            );
          const source = draft.suggested[f.element];
          const hint =
            [element ? asSentence(pick(element.definition)) : '', source ? ts(source === 'profile' ? 'apply.suggested.profile' : 'apply.suggested.earlier') : '']
              .filter(Boolean)
              .join(' ') || undefined;
          if (element?.format === 'choice')
            return (
              <Select
                key={f.element}
                id={id}
                label={name}
                hint={hint}
                error={errorFor(id)}
                value={value}
                options={[
                  { value: '', label: ts('apply.choose') },
                  ...choices(element).map((c) => ({ value: c, label: tsMaybe(`choice.${c}`) ?? c })),
                ]}
                onChange={(v) => setValue(f.element, v)}
              />
            );
          return (
            <Field
              key={f.element}
              id={id}
              label={name}
              hint={hint}
              error={errorFor(id)}
              type={element?.format === 'date' ? 'date' : 'text'}
              value={value}
              {...(element?.format === 'pattern' || element?.format === 'money' ? { inputMode: 'numeric' as const } : {})}
              {...(element && maxLength(element) ? { maxLength: maxLength(element) as number } : {})}
              {...(f.element === 'APPLICANT_NAME' ? { autocomplete: 'name' } : {})}
              onInput={(e) => setValue(f.element, e.currentTarget.value)}
            />
          );
        })}
        <h2>{ts('apply.documents')}</h2>
        <HelpLink question="apply.documents" />
        {item.materials.map((m) =>
          editable('material', m.material) ? (
            <ServicesMaterialPicker
              key={m.material}
              code={m.material}
              type={types[m.material]}
              required={m.required}
              value={draft.materials[m.material] ?? {}}
              vault={vault}
              error={errorFor(materialId(m.material))}
              expiryError={errorFor(expiryId(m.material))}
              onChange={(v) => setMaterial(m.material, v)}
            />
          ) : (
            <dl class="summary-list services-fixed" key={m.material}>
              <dt>{materialName(m.material)}</dt>
              <dd>✓</dd>
            </dl>
          ),
        )}
        <IdentityStepUpNotice />
        {phase !== 'idle' && (
          <p role="status">{phase === 'uploading' ? ts('apply.uploading') : ts('apply.sending')}</p>
        )}
        <div class="button-row">
          <Button type="submit" id="apply-submit" disabled={phase !== 'idle'}>
            {application ? ts('apply.resubmit') : ts('apply.submit')}
          </Button>
          {saved && (
            <span class="autosave" role="status">
              {ts('apply.saved')}
              {syncable && !sync.unsynced && sync.serverVersion > 0 ? ` ${ts('draft.synced')}` : ''}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

/** The values of a draft, for choosing between two versions of it. */
function ServicesDraftValues({
  shared,
  name,
  withDocuments,
}: {
  shared: { form: SharedDraft['form']; materials: Record<string, { documentId?: string | undefined }> };
  name: (code: string) => string;
  withDocuments: boolean;
}) {
  const values = Object.entries(shared.form).filter(([, v]) => v.trim() !== '');
  const documents = Object.values(shared.materials).filter((m) => m.documentId).length;
  return (
    <dl class="summary-list">
      {values.map(([code, value]) => (
        <div key={code}>
          <dt>{name(code)}</dt>
          <dd>{tsMaybe(`choice.${value}`) ?? value}</dd>
        </div>
      ))}
      {withDocuments && (
        <div>
          <dt>{ts('apply.documents')}</dt>
          <dd>{ts('draft.documents', { n: documents })}</dd>
        </div>
      )}
    </dl>
  );
}

// Community A's registry objects for the scope probes: residents, a declaration, an import, posters, a place.
import { randomUUID } from 'node:crypto';
import { emptyPreview } from '../../modules/imports/import-preview';
import { insertJob } from '../../modules/imports/imports.repo';
import { syntheticId } from '../fixture';
import { call, need, type RecordTargets, type SetupContext } from './targets';

export async function createRecordTargets({ t, a, secretaryA }: SetupContext): Promise<RecordTargets> {
  const resident = async (name: string, household: number, docNumber = syntheticId('19500101')) => {
    const created = await call<{ resident?: { id: number } }>(t, secretaryA, 'POST', '/api/residents', {
      householdId: household,
      name,
      docType: 'resident_id',
      docNumber,
      phone: '13600003333',
      relationToHead: 'self',
      residenceType: 'registered',
    });
    return need<number>(created.resident?.id, `resident ${name}`);
  };
  const residentDoc = syntheticId('19501010');
  const residentId = await resident('周甲', a.households[0], residentDoc);
  const declared = await call<{ declaration?: { id: number } }>(t, secretaryA, 'POST', '/api/declarations', {
    residentId,
    channel: 'phone',
    leftCity: false,
    contactConfirmedCase: false,
    contactRiskAreaPeople: false,
    symptoms: ['cough'],
  });
  const job = await insertJob(t.services.database.db, {
    communityId: a.community,
    fileName: 'a.xlsx',
    status: 'done',
  });
  // Previewed imports waiting for their confirmation (nothing in the preview: only who may read it matters).
  const previewed = async () =>
    (
      await insertJob(t.services.database.db, {
        communityId: a.community,
        fileName: 'preview.csv',
        status: 'previewed',
        mode: 'preview',
        previewCipher: t.services.vault.encrypt(JSON.stringify(emptyPreview())),
      })
    ).id;
  const poster = async () =>
    need<number>(
      (
        await call<{ poster?: { id: number } }>(t, secretaryA, 'POST', '/api/posters', {
          placeId: a.compound,
        })
      ).poster?.id,
      'poster',
    );
  // Someone with A's poster types 周甲's ID number under another name: held for A's staff to review
  // (the review is named by the declaration's id, the receipt's second half).
  const posterToken = need<string>(
    (
      await call<{ poster?: { token: string } }>(t, secretaryA, 'POST', '/api/posters', {
        placeId: a.compound,
      })
    ).poster?.token,
    'poster token',
  );
  const heldReview = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/declarations',
      payload: {
        token: posterToken,
        person: { name: '冒名者', docType: 'resident_id', docNumber: residentDoc, phone: '13600004444' },
        address: { buildingId: a.buildings[0], entranceId: a.entrance, room: '101' },
        leftCity: false,
        contactConfirmedCase: false,
        contactRiskAreaPeople: false,
        symptoms: [],
        consent: true,
        clientId: randomUUID(),
      },
    });
    if (res.statusCode !== 201)
      throw new Error(`scope fixture: held declaration → ${res.statusCode} ${res.body}`);
    return need<number>(Number(String(res.json().receipt.receiptNo).split('-')[1]), 'held declaration');
  };
  const place = await call<{ id?: number }>(t, secretaryA, 'POST', '/api/places', {
    parentId: a.compound,
    kind: 'building',
    name: '3号楼',
  });
  return {
    resident: residentId,
    residentDoc,
    editResident: await resident('吴改', a.households[1]),
    verifyResident: await resident('郑核', a.households[1]),
    moveResident: await resident('王迁', a.households[1]),
    declaration: need<number>(declared.declaration?.id, 'declaration'),
    confirmReview: await heldReview(),
    rejectReview: await heldReview(),
    job: need<number>(job.id, 'import job'),
    previewJob: await previewed(),
    confirmJob: await previewed(),
    discardJob: await previewed(),
    poster: await poster(),
    deletePoster: await poster(),
    renamePlace: need<number>(place.id, 'place to rename'),
  };
}

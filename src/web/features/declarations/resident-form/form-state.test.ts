import { describe, expect, it } from 'vitest';
import { beijingToday } from '../../../../shared/time/beijing';
import {
  buildBody,
  emptyState,
  type FormState,
  nextPersonState,
  parseDraft,
  serializeDraft,
} from './form-state';
import { fieldFromServer, validateForm } from './form-validation';
import type { PosterBuilding } from './resident-form-api';

const NOW = new Date('2022-05-10T02:00:00Z'); // 10:00 in Beijing
const BUILDINGS: PosterBuilding[] = [
  {
    id: 3,
    name: '3号楼',
    kind: 'building',
    entrances: [
      { id: 31, name: '1单元' },
      { id: 32, name: '2单元' },
    ],
  },
  { id: 4, name: '东院平房区', kind: 'bungalow_area', entrances: [] },
];

function filled(patch: Partial<FormState> = {}): FormState {
  return {
    ...emptyState(),
    name: ' 王  秀英 ',
    docNumber: '11010519491231002x',
    phone: '138 0013 8000',
    buildingId: '3',
    entranceId: '32',
    room: ' 1502 ',
    leftCity: 'no',
    contactConfirmed: 'no',
    contactRisk: 'no',
    noSymptoms: true,
    consent: true,
    ...patch,
  };
}

describe('buildBody', () => {
  it('builds the API body for someone who stayed in Beijing', () => {
    const state = filled();
    expect(buildBody(state, 'tok_abcdefghij', NOW)).toEqual({
      token: 'tok_abcdefghij',
      person: {
        name: '王秀英',
        gender: 'female',
        docType: 'resident_id',
        docNumber: '11010519491231002X',
        phone: '13800138000',
        birthDate: '1949-12-31',
      },
      address: { buildingId: 3, entranceId: 32, room: '1502' },
      leftCity: false,
      originRegion: null,
      returnDate: null,
      transport: null,
      transportNumber: null,
      seat: null,
      riskRegionsVisited: [],
      contactConfirmedCase: false,
      contactRiskAreaPeople: false,
      symptoms: [],
      temperature: null,
      homeConditionsMet: null,
      companions: null,
      formVersionId: null,
      extra: {},
      consent: true,
      clientId: state.clientId,
    });
  });

  it('sends the answers to this version’s extra questions only, empty ones left out', () => {
    const form = {
      versionId: 7,
      questions: [
        { key: 'q1', label: { zh: '工作单位', en: '' }, kind: 'text' as const, required: true },
        {
          key: 'q2',
          label: { zh: '需要的帮助', en: '' },
          kind: 'multiple' as const,
          required: false,
          options: ['买菜', '取药'],
        },
        { key: 'q3', label: { zh: '备注', en: '' }, kind: 'text' as const, required: false },
      ],
    };
    const body = buildBody(
      filled({ extra: { q1: '朝阳医院', q2: ['取药'], q3: '  ', q9: '旧版本的答案' } }),
      't',
      NOW,
      form,
    );
    expect(body).toMatchObject({ formVersionId: 7, extra: { q1: '朝阳医院', q2: ['取药'] } });
  });

  it('sends the trip, symptoms in form order, temperature as a number and the home answer', () => {
    const state = filled({
      leftCity: 'yes',
      originProvince: '420000',
      originCity: '420100',
      originRegion: '420103',
      returnDate: '2022-05-08',
      transport: 'rail',
      transportNumber: ' G512 ',
      seat: '',
      visited: ['430000', '430100', '430000'],
      contactRisk: 'yes',
      noSymptoms: false,
      symptoms: ['cough', 'fever'],
      temperature: '37.6',
      home: 'unsure',
      companions: '妻子 李某',
    });
    const body = buildBody(state, 'tok_abcdefghij', NOW);
    expect(body).toMatchObject({
      leftCity: true,
      originRegion: '420103',
      returnDate: '2022-05-08',
      transport: 'rail',
      transportNumber: 'G512',
      seat: null,
      riskRegionsVisited: ['430000', '430100'],
      contactRiskAreaPeople: true,
      symptoms: ['fever', 'cough'],
      temperature: 37.6,
      homeConditionsMet: null,
      companions: '妻子 李某',
    });
    expect(buildBody({ ...state, home: 'no' }, 't', NOW).homeConditionsMet).toBe(false);
    // Trip answers left over from a "yes" that became "no" are not sent.
    expect(buildBody({ ...state, leftCity: 'no' }, 't', NOW)).toMatchObject({
      originRegion: null,
      transport: null,
      riskRegionsVisited: [],
      homeConditionsMet: null,
    });
  });

  it('sends a newcomer address, with the note only when there is one', () => {
    expect(buildBody(filled({ newcomer: true, note: ' 来探亲 ' }), 't', NOW).address).toEqual({
      newcomer: true,
      note: '来探亲',
    });
    expect(buildBody(filled({ newcomer: true }), 't', NOW).address).toEqual({ newcomer: true });
  });

  it('sends typed gender and birth date only for documents that do not carry them', () => {
    const passport = filled({
      docType: 'passport_foreign',
      docNumber: 'X1234567',
      gender: 'male',
      birthDate: '1980-02-03',
    });
    expect(buildBody(passport, 't', NOW).person).toMatchObject({ gender: 'male', birthDate: '1980-02-03' });
    const id = filled({ gender: 'male', birthDate: '1980-02-03' });
    expect(buildBody(id, 't', NOW).person).toMatchObject({ gender: 'female', birthDate: '1949-12-31' });
  });
});

describe('validateForm', () => {
  it('accepts a complete form', () => {
    expect(validateForm(filled(), BUILDINGS, NOW)).toEqual({});
  });

  it('names every missing answer of an empty form in Chinese', () => {
    const errors = validateForm(emptyState(), BUILDINGS, NOW);
    expect(errors).toMatchObject({
      name: expect.stringContaining('姓名'),
      docNumber: '请填写证件号码',
      phone: expect.stringContaining('手机号'),
      buildingId: '请选择楼栋',
      room: '请填写门牌号',
      leftCity: expect.stringContaining('离开'),
      contactConfirmedCase: expect.any(String),
      contactRiskAreaPeople: expect.any(String),
      symptoms: expect.stringContaining('无以上症状'),
      consent: expect.stringContaining('同意'),
    });
    expect(errors.returnDate).toBeUndefined();
  });

  it('asks for the trip once they say they left Beijing', () => {
    const errors = validateForm(filled({ leftCity: 'yes' }), BUILDINGS, NOW);
    expect(Object.keys(errors).sort()).toEqual([
      'homeConditionsMet',
      'originRegion',
      'returnDate',
      'transport',
    ]);
  });

  it('checks the ID, the entrance, the return date and the temperature', () => {
    const errors = validateForm(
      filled({
        docNumber: '110105194912310021',
        entranceId: '',
        leftCity: 'yes',
        originRegion: '420103',
        returnDate: '2022-05-11',
        transport: 'air',
        home: 'yes',
        temperature: '36.55',
      }),
      BUILDINGS,
      NOW,
    );
    expect(errors.docNumber).toBeTruthy();
    expect(errors.entranceId).toBe('请选择单元');
    expect(errors.returnDate).toBe('返京日期不能晚于今天');
    expect(errors.temperature).toContain('35 到 42');
    expect(validateForm(filled({ temperature: '43' }), BUILDINGS, NOW).temperature).toBeTruthy();
    expect(validateForm(filled({ temperature: '36.5' }), BUILDINGS, NOW).temperature).toBeUndefined();
  });

  it('needs no entrance for a bungalow area, and no address at all for a newcomer', () => {
    expect(validateForm(filled({ buildingId: '4', entranceId: '' }), BUILDINGS, NOW)).toEqual({});
    expect(validateForm(filled({ buildingId: '', room: '', newcomer: true }), BUILDINGS, NOW)).toEqual({});
  });
});

describe('helpers', () => {
  it('maps server fields to form fields', () => {
    expect(fieldFromServer('person.docNumber')).toBe('docNumber');
    expect(fieldFromServer('address.entranceId')).toBe('entranceId');
    expect(fieldFromServer('returnDate')).toBe('returnDate');
    expect(fieldFromServer('/person/phone')).toBe('phone');
    expect(fieldFromServer('somethingElse')).toBeNull();
    expect(fieldFromServer(undefined)).toBeNull();
  });

  it("knows Beijing's date whatever the phone's time zone", () => {
    expect(beijingToday(new Date('2022-05-10T16:30:00Z'))).toBe('2022-05-11');
    expect(beijingToday(new Date('2022-05-10T15:30:00Z'))).toBe('2022-05-10');
  });
});

describe('drafts', () => {
  it('round-trips every field', () => {
    const state = filled({
      leftCity: 'yes',
      visited: ['430000'],
      symptoms: ['cough'],
      home: 'unsure',
      transport: 'air',
    });
    expect(parseDraft(serializeDraft(state, NOW), NOW)).toEqual(state);
  });

  it('drops unreadable, foreign-shaped and old drafts, and repairs bad values', () => {
    expect(parseDraft(null, NOW)).toBeNull();
    expect(parseDraft('{not json', NOW)).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 99, savedAt: NOW.getTime(), state: {} }), NOW)).toBeNull();
    const old = new Date(NOW.getTime() - 4 * 86_400_000);
    expect(parseDraft(serializeDraft(filled(), old), NOW)).toBeNull();
    const odd = JSON.stringify({
      v: 1,
      savedAt: NOW.getTime(),
      state: { name: 5, docType: 'library_card', symptoms: ['fever', 'hiccups'], visited: ['12', '430000'] },
    });
    expect(parseDraft(odd, NOW)).toEqual({
      ...emptyState(),
      symptoms: ['fever'],
      visited: ['430000'],
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('keeps the submit’s client id with the draft, so a re-send is the same submit; a new form gets a new one', () => {
    const state = filled();
    expect(state.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseDraft(serializeDraft(state, NOW), NOW)?.clientId).toBe(state.clientId);
    expect(buildBody(state, 't', NOW).clientId).toBe(state.clientId);
    expect(emptyState().clientId).not.toBe(state.clientId);
    expect(nextPersonState(state).clientId).not.toBe(state.clientId);
  });

  it('keeps the address for the next member of the household', () => {
    const next = nextPersonState(filled({ leftCity: 'yes' }));
    expect(next).toEqual({
      ...emptyState(),
      buildingId: '3',
      entranceId: '32',
      room: ' 1502 ',
      clientId: expect.any(String),
    });
  });
});

import type {
  DutyAccounts,
  InspectionAnswer,
  Inspections,
  Shifts,
  ShiftsCreated,
} from '../../../shared/access/access-responses';
import type { StoredPhoto } from '../../../shared/photos/photo-responses';
import { api } from '../../shared/api-client';

export type { InspectionItem, ShiftItem } from '../../../shared/access/access-responses';

export interface InspectionBody {
  gateId: number;
  staffed: boolean;
  thermometerOk: boolean;
  logComplete: boolean;
  visitorsRegistered: boolean;
  notes: string | null;
  photoId: string | null;
}

export const dutyApi = {
  shifts: (gateId: number, from: string, to: string) =>
    api.get<Shifts>('/access/shifts', { gateId, from, to }),
  accounts: async (gateId: number) =>
    (await api.get<DutyAccounts>('/access/shifts/accounts', { gateId })).items,
  createShifts: (body: {
    gateId: number;
    accountId: number;
    note: string | null;
    shifts: Array<{ startsAt: string; endsAt: string }>;
  }) => api.post<ShiftsCreated>('/access/shifts', body),
  deleteShift: (id: number) => api.delete(`/access/shifts/${id}`),
  inspections: async (gateId: number) =>
    (await api.get<Inspections>('/access/inspections', { gateId })).items,
  inspect: (body: InspectionBody) => api.post<InspectionAnswer>('/access/inspections', body),
  deleteInspection: (id: number) => api.delete(`/access/inspections/${id}`),
  uploadPhoto: async (communityId: number, photo: Blob) => {
    const form = new FormData();
    form.append('file', photo, 'inspection.jpg');
    return (
      await api.upload<StoredPhoto>('/photos', form, {
        communityId,
        purpose: 'inspection',
      })
    ).photo;
  },
};

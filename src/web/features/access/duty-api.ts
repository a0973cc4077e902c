import type { CheckInState, UncoveredSpan } from '../../../shared/access/duty';
import { api } from '../../shared/api-client';

export interface ShiftItem {
  id: number;
  gateId: number;
  accountId: number;
  accountName: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
  checkedInAt: string | null;
  state: CheckInState;
}

export interface InspectionItem {
  id: number;
  gateId: number;
  inspectedAt: string;
  staffed: boolean;
  thermometerOk: boolean;
  logComplete: boolean;
  visitorsRegistered: boolean;
  notes: string | null;
  photoId: number | null;
  inspectorName: string;
}

export interface InspectionBody {
  gateId: number;
  staffed: boolean;
  thermometerOk: boolean;
  logComplete: boolean;
  visitorsRegistered: boolean;
  notes: string | null;
  photoId: number | null;
}

export const dutyApi = {
  shifts: (gateId: number, from: string, to: string) =>
    api.get<{
      gate: { id: number; name: string; openingHours: string | null };
      days: string[];
      items: ShiftItem[];
      uncovered: UncoveredSpan[];
    }>('/access/shifts', { gateId, from, to }),
  accounts: async (gateId: number) =>
    (
      await api.get<{ items: Array<{ id: number; displayName: string; role: string }> }>(
        '/access/shifts/accounts',
        { gateId },
      )
    ).items,
  createShifts: (body: {
    gateId: number;
    accountId: number;
    note: string | null;
    shifts: Array<{ startsAt: string; endsAt: string }>;
  }) => api.post<{ ids: number[] }>('/access/shifts', body),
  deleteShift: (id: number) => api.delete(`/access/shifts/${id}`),
  inspections: async (gateId: number) =>
    (await api.get<{ items: InspectionItem[] }>('/access/inspections', { gateId })).items,
  inspect: (body: InspectionBody) => api.post<{ inspection: InspectionItem }>('/access/inspections', body),
  deleteInspection: (id: number) => api.delete(`/access/inspections/${id}`),
  uploadPhoto: async (communityId: number, photo: Blob) => {
    const form = new FormData();
    form.append('file', photo, 'inspection.jpg');
    return (
      await api.upload<{ photo: { id: number; url: string } }>('/photos', form, {
        communityId,
        purpose: 'inspection',
      })
    ).photo;
  },
};

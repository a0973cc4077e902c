import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useOutboxSender } from '../../shared/outbox';
import { careOutbox } from '../helpers/care-queue';
import { helperKeys } from '../helpers/helpers-api';
import { campaignKeys } from './campaigns-api';
import { checkOutbox } from './check-queue';
import { visitOutbox } from './visit-queue';

const outboxes = [visitOutbox, checkOutbox, careOutbox];

/**
 * Mounted once by the signed-in layout: the account's queued visits and building checks are sent from
 * whatever page is open (a volunteer who recorded visits in a stairwell and went on to another page
 * does not have to come back for them to leave the phone), and what they change is fetched again.
 */
export function useFieldOutboxes(accountId: number) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = (campaignId: number) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) });
      void queryClient.invalidateQueries({ queryKey: campaignKeys.mine });
    };
    const stops = [
      visitOutbox.onSent((item) => refresh(item.payload.campaignId)),
      checkOutbox.onSent((item) => refresh(item.payload.campaignId)),
      careOutbox.onSent(() => void queryClient.invalidateQueries({ queryKey: helperKeys.mine })),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, [queryClient]);
  useOutboxSender(outboxes, accountId);
}

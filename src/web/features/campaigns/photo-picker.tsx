// Taking photos for a finding: resized on the phone (resize-photo.ts), then uploaded at once or kept on
// the phone until the check they belong to is sent (check-queue.ts).
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Image, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_MAX_PHOTOS } from '../../../shared/campaigns';
import { isPhotoId } from '../../../shared/photos';
import { errorText } from '../../shared/error-display';
import { resizePhoto } from '../../shared/resize-photo';
import { campaignsApi } from './campaigns-api';
import { forgetPhoto, type PhotoRef, photoOnPhone } from './check-queue';

const THUMB = 72;

/** A photo still on the phone, shown from its stored copy. */
function PhonePhoto({ photoKey }: { photoKey: string }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    void photoOnPhone(photoKey).then((blob) => {
      if (!blob || !live) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photoKey]);
  return <Image src={url} width={THUMB} height={THUMB} style={{ objectFit: 'cover' }} />;
}

export function PhotoPicker({
  communityId,
  value,
  onChange,
  keep,
  testId,
}: {
  communityId: number;
  value: PhotoRef[];
  onChange: (refs: PhotoRef[]) => void;
  /** Where a new photo goes: uploaded now (the default, needs the network) or kept on the phone. */
  keep?: (photo: Blob) => Promise<PhotoRef>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const store =
    keep ?? (async (photo: Blob) => (await campaignsApi.uploadPhoto(communityId, photo)).photo.id);
  async function take(files: FileList | null) {
    if (!files?.length) return;
    setBusy(true);
    setError(null);
    try {
      const refs: PhotoRef[] = [];
      for (const file of [...files].slice(0, FINDING_MAX_PHOTOS - value.length))
        refs.push(await store(await resizePhoto(file)));
      onChange([...value, ...refs]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }
  return (
    <Flex vertical gap={6}>
      <Flex gap={6} wrap>
        {value.map((ref) => (
          <div key={ref} style={{ position: 'relative' }}>
            {isPhotoId(ref) ? (
              <Image
                src={campaignsApi.photoUrl(ref)}
                width={THUMB}
                height={THUMB}
                style={{ objectFit: 'cover' }}
              />
            ) : (
              <PhonePhoto photoKey={ref} />
            )}
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('campaigns.photoRemove')}
              style={{ position: 'absolute', top: 2, right: 2 }}
              onClick={() => {
                if (!isPhotoId(ref)) void forgetPhoto(ref);
                onChange(value.filter((v) => v !== ref));
              }}
            />
          </div>
        ))}
        {value.length < FINDING_MAX_PHOTOS && (
          <Button
            icon={<CameraOutlined />}
            loading={busy}
            style={{ width: THUMB, height: THUMB }}
            onClick={() => input.current?.click()}
            data-testid={testId}
          >
            {t('campaigns.photoTake')}
          </Button>
        )}
      </Flex>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(e) => void take(e.target.files)}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
}

import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PlacePanel } from './place-panel';
import { PlaceTree } from './place-tree';
import { usePlace, usePlaceRoots } from './places-api';

function parseId(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** 住户档案: the area's tree on the left, the chosen place on the right; the URL holds the choice. */
export function PlacesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const selectedId = parseId(useParams().placeId);
  const roots = usePlaceRoots();
  const place = usePlace(selectedId);

  const firstRoot = roots.data?.[0];
  if (selectedId === null && firstRoot) return <Navigate to={`/places/${firstRoot.id}`} replace />;

  // Open the tree down to the selection, and the selection itself when it has places inside.
  const openPath = (place.data?.ancestors ?? []).filter((a) => a.inScope).map((a) => a.id);
  if (place.data && place.data.place.childCount > 0) openPath.push(place.data.place.id);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xxl={6}>
        <Card
          title={t('places.tree')}
          size="small"
          styles={{ body: { maxHeight: '75vh', overflow: 'auto' } }}
        >
          <PlaceTree
            selectedId={selectedId}
            openPath={openPath}
            onSelect={(id) => navigate(`/places/${id}`)}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17} xxl={18}>
        {selectedId === null ? (
          <Empty description={t('places.selectHint')} />
        ) : (
          <PlacePanel placeId={selectedId} />
        )}
      </Col>
    </Row>
  );
}

// The value lists live in src/shared (the console and the API use them too); the roster code reads them here.
export {
  DOCUMENT_TYPE_LABELS,
  GENDER_LABELS,
  type Label,
  RELATION_LABELS,
  RELATIONS,
  RESIDENCE_TYPE_LABELS,
  RESIDENCE_TYPES,
  RESIDENT_TAG_LABELS,
  RESIDENT_TAGS,
  type Relation,
  type ResidenceType,
  type ResidentTag,
} from '../../../../shared/people/people-enums';

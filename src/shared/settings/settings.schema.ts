import { Type } from 'typebox';

/** The answer of GET/PUT /api/settings/public-url (PublicUrlSetting in public-url.ts). */
export const PublicUrlSettingSchema = Type.Object({
  url: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('database'), Type.Literal('environment'), Type.Null()]),
  environmentUrl: Type.Union([Type.String(), Type.Null()]),
});

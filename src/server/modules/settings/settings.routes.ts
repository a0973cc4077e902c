import { PublicUrlSettingSchema } from '../../../shared/settings/settings.schema';
import { actorOf } from '../../http/access';
import { NullableText, Strict } from '../../http/schemas';
import type { AppInstance, Services } from '../../http/types';

export function settingsRoutes(app: AppInstance, { settings }: Services) {
  // Every signed-in page that prints or shares a link reads it.
  app.get(
    '/api/settings/public-url',
    { schema: { tags: ['settings'], response: { 200: PublicUrlSettingSchema } } },
    async () => settings.publicUrl(),
  );

  app.put(
    '/api/settings/public-url',
    {
      config: { access: 'settings.write' },
      schema: {
        tags: ['settings'],
        body: Strict({ url: NullableText(300) }),
        response: { 200: PublicUrlSettingSchema },
      },
    },
    async (request) => settings.setPublicUrl(actorOf(request), request.body.url),
  );
}

import { test, expect } from './fixtures';

// On a phone's width, in the language with the longest words, the controls keep their shape.
test.use({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });

test('a secret field\'s "Show" keeps its word on one line beside the field', async ({ page, errors }) => {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  const show = page.getByRole('button', { name: 'Показать' });
  const save = page.getByRole('button', { name: 'Сохранить' });
  const [shown, saved] = [await show.boundingBox(), await save.boundingBox()];
  // One line, as tall as any one-line button (it was cut into "Показ" and "ать").
  expect(Math.abs(shown!.height - saved!.height)).toBeLessThanOrEqual(2);
  // The field beside it takes the rest of the line.
  const field = await page.getByLabel('API-токен').boundingBox();
  expect(Math.abs(field!.y + field!.height / 2 - (shown!.y + shown!.height / 2))).toBeLessThanOrEqual(2);
  expect(field!.width).toBeGreaterThan(shown!.width);
});

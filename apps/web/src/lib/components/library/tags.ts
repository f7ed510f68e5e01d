/** The tags typed into one box, split at commas (either width), 、 and spaces, without repeats. Pure. */
export function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

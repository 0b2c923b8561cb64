// Array.isArray narrows a readonly array to any[] (TypeScript #17002), so every list answer it checks
// loses its element type; this keeps it.
interface ArrayConstructor {
  isArray(arg: unknown): arg is readonly unknown[];
}

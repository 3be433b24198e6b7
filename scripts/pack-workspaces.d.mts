export declare const repoRoot: string;
export declare function publishedWorkspaces(root?: string): { name: string; dir: string }[];
export declare function packWorkspaces(
  destination: string,
  root?: string,
): { name: string; dir: string; tarball: string }[];

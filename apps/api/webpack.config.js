const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'admin-create', entryPath: './src/cli/admin-create.ts' },
        // The solver runs in worker threads: its script sits next to main.js.
        // Absolute path: the plugin joins only "./" paths to the project root and
        // resolves anything else against the workspace root.
        {
          entryName: 'solver.worker',
          entryPath: join(__dirname, '../../libs/solver/src/lib/solver.worker.ts'),
        },
      ],
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};

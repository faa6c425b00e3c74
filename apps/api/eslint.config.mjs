import baseConfig from '../../eslint.config.mjs';

// test/ is its own project (api-int) with its own config.
export default [...baseConfig, { ignores: ['test/**'] }];

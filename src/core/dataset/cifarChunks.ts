// Written by `npx tsx scripts/cifarChunkTable.ts --write` from the official training batches: the
// sha256 of each chunk the build ships (its records in ./chunkOrder.ts's order) and its images per
// class. The page verifies every chunk it downloads or reads from its cache against these digests.
export const CIFAR10_CHUNKS: readonly { sha256: string; classCounts: readonly number[] }[] = Object.freeze([
  {
    sha256: 'aa058c01463e5138c4c971b5baf581e8ed7db4dbbe055961d6915398f132ec3c',
    classCounts: [94, 91, 112, 96, 106, 110, 88, 101, 97, 105],
  },
  {
    sha256: '750dfedc1807acbdaf35acddac0d2f7e29345eb1d1872c38de66d235a04eef06',
    classCounts: [98, 100, 100, 78, 92, 116, 100, 107, 105, 104],
  },
  {
    sha256: 'c85769e8665315e958e7db3f24c2c3be6bc244da04728e48025be50ea546198e',
    classCounts: [79, 92, 93, 101, 102, 86, 124, 123, 99, 101],
  },
  {
    sha256: '93959b39e71c1fc5ae40cca1b126d833a24cd126b8529172b5ec5846d6ce9318',
    classCounts: [110, 98, 91, 93, 123, 94, 96, 110, 89, 96],
  },
  {
    sha256: '2d267a51acfa721aaceb2be527f621fafcd9c7cc114af49b7ed1bf1872b9675a',
    classCounts: [107, 86, 100, 108, 106, 99, 105, 114, 86, 89],
  },
  {
    sha256: '114f1d37d4cdfdc5c8d65670379231b5c4ce1687ee45f996a46d8129cc271ec1',
    classCounts: [106, 108, 79, 104, 99, 94, 95, 100, 113, 102],
  },
  {
    sha256: '10ac277d5b50528b1f15c419934bb955709a4387524886f18a083640bc2b6926',
    classCounts: [98, 95, 116, 84, 109, 83, 103, 93, 111, 108],
  },
  {
    sha256: '116a25df9ebebdc7035296b3689c1ffe9f492126c53328c915b3c3ebe3b347ad',
    classCounts: [99, 112, 102, 92, 88, 107, 93, 116, 102, 89],
  },
  {
    sha256: '840eb45dfa5b2337405df24fb1ca731d53ad8f5f9fd251619cec65fe1cd3ff55',
    classCounts: [87, 104, 97, 106, 95, 93, 111, 96, 107, 104],
  },
  {
    sha256: '6500e9be5ce4c194d51571f26ccf794cc49d6bf83e8fefc6e554420f45961000',
    classCounts: [91, 99, 111, 94, 112, 98, 108, 96, 93, 98],
  },
  {
    sha256: 'ddfd903765a4f248b6ab95b96811fcc1552cd6598c87e426f1d477eabe1dafb3',
    classCounts: [81, 110, 93, 94, 109, 98, 105, 89, 116, 105],
  },
  {
    sha256: 'cd6b60367e98feb23d984d13037da5dc51ea76ea2243efa736edcfff40307f90',
    classCounts: [101, 108, 95, 101, 102, 113, 90, 114, 91, 85],
  },
  {
    sha256: 'abf9a641d9f58f358511275e11e260c0dddd6ddbbc5a42f3ea2fe2ef269bb3bc',
    classCounts: [94, 85, 94, 109, 108, 101, 100, 110, 97, 102],
  },
  {
    sha256: '24f05af97ef55293771182432c97ab22d4549e8cca48af4f79e1ec07d919dac0',
    classCounts: [99, 104, 99, 100, 99, 100, 99, 87, 117, 96],
  },
  {
    sha256: '33537fa08c038eb95fa5cfd17dd3d45eafbed2260931b595893faa551be277dd',
    classCounts: [89, 104, 107, 91, 91, 92, 91, 112, 107, 116],
  },
  {
    sha256: '314f3bd2b7c8f211f36448f9a5bc6a319665dfd8dbf9e63732a9207d5e4f25fa',
    classCounts: [123, 98, 99, 100, 92, 89, 108, 94, 106, 91],
  },
  {
    sha256: '233fcb1d9adf041f9e6501e5dc23fde1f5f5a147fd32f84b1bf07f5dffab8ee0',
    classCounts: [105, 101, 105, 93, 100, 104, 98, 89, 106, 99],
  },
  {
    sha256: 'cb320ff19112ba02c7dc66b7fdd2cd662e663d68a16d0b6f2a09494346e29499',
    classCounts: [95, 89, 96, 114, 89, 116, 100, 100, 104, 97],
  },
  {
    sha256: '57fc5f5a3e51def0c05c0277b956a9b5a498d8925065f50e83ca5d92545a8a97',
    classCounts: [106, 98, 98, 108, 96, 97, 93, 96, 114, 94],
  },
  {
    sha256: '51691c9b4b8615efffec72af10ddb2eadbc7e451283bbf774ee63f37c45034c0',
    classCounts: [102, 110, 104, 92, 98, 113, 103, 92, 93, 93],
  },
  {
    sha256: '74b6c150ec75a917eb72d39e1431026a954d9c8314f54308861470d97563b50e',
    classCounts: [90, 97, 97, 95, 126, 107, 90, 84, 95, 119],
  },
  {
    sha256: '78e4590a55aa5ea486f66b5829f7ba3ca5cf026c9ffe499f32057d5c1df88ef2',
    classCounts: [96, 105, 111, 102, 88, 94, 103, 105, 106, 90],
  },
  {
    sha256: '89ccc8414d047b7fd2e52ac74fb4d44aec35410d13b98324474385f16ccb01a2',
    classCounts: [104, 99, 116, 110, 88, 108, 100, 90, 100, 85],
  },
  {
    sha256: '11cfedf7e18938a03a5bf14d181262fcd6987d94e32a12e76606e6d326a02a2c',
    classCounts: [105, 89, 99, 94, 96, 106, 107, 102, 97, 105],
  },
  {
    sha256: 'f96e5fe25c09648a2efa3a9342a9fa964cb31b2d62cbd424d02038b9105ce688',
    classCounts: [91, 73, 102, 115, 106, 111, 110, 90, 94, 108],
  },
  {
    sha256: 'd3558368290ac7b9b888a5f00367ddb50de202261181b2892c735abce5b00795',
    classCounts: [100, 100, 90, 113, 93, 106, 91, 101, 99, 107],
  },
  {
    sha256: 'e3ffb5d80ae3053a78afda6f5a5c5285d0b63ad994dbeaa3b5db89163b831154',
    classCounts: [103, 109, 100, 96, 88, 106, 85, 108, 106, 99],
  },
  {
    sha256: '2b75403246c27c316e41dc9f168597e1d7271241551dba14d8014f46454bf813',
    classCounts: [94, 102, 95, 98, 120, 114, 99, 85, 90, 103],
  },
  {
    sha256: '6514c25c4620d625e7dab1a8236ea0e22f89a7ec8e6493d8234bf9fd66bb5549',
    classCounts: [98, 109, 94, 97, 89, 94, 92, 118, 97, 112],
  },
  {
    sha256: '95842b09f058f4c2e1e69b00a4f159f484222eff244ff4607dcba3e4a0e61b5d',
    classCounts: [105, 93, 99, 99, 89, 104, 116, 107, 100, 88],
  },
  {
    sha256: '68b8b0ffa483a43cc24e2495aca5233eecec04744c0bd50f8bdc4accf3e8da01',
    classCounts: [109, 108, 96, 105, 88, 93, 105, 88, 92, 116],
  },
  {
    sha256: '7d796867866be26bff6810f5f334195bc209e8d1d73b2265f766d3347e4eb9f0',
    classCounts: [95, 107, 111, 106, 108, 111, 87, 95, 92, 88],
  },
  {
    sha256: 'f726a82f04f981900b5d1ee53be7c79c411801d8945b8e24acdbff41f4712fe6',
    classCounts: [98, 99, 98, 89, 104, 119, 87, 103, 86, 117],
  },
  {
    sha256: '7d24a8acafd1eba8bf20e86957d6d33f9aeed5b8815f095a0cdcfd898b6481b8',
    classCounts: [112, 95, 87, 99, 110, 87, 108, 104, 92, 106],
  },
  {
    sha256: '5a7b13329677e52596c876b5cddf86ced23efd983599ce9585837c91ab9b727a',
    classCounts: [87, 97, 104, 97, 105, 104, 108, 105, 94, 99],
  },
  {
    sha256: '44550c48bcb62e6e2b7416d1449050a2f1059b18cabac296ec6e22012378c482',
    classCounts: [126, 91, 91, 97, 112, 91, 100, 105, 100, 87],
  },
  {
    sha256: 'f750e71a8f9b6bf83242cd098b8f7c9fc45429b9f7ed5893cc492c8af31b6593',
    classCounts: [98, 90, 115, 108, 109, 82, 87, 96, 104, 111],
  },
  {
    sha256: '3c517b9c6c71d3dc991838d65be7f90ef2de4a8d0ebac0b22850d877ace78374',
    classCounts: [105, 106, 98, 101, 105, 88, 108, 105, 104, 80],
  },
  {
    sha256: 'c7c499a2bd1f3d15981ab5a87ef9d7554baef9714ff384ba2d0fb081fa2fe30a',
    classCounts: [102, 106, 102, 95, 93, 104, 111, 91, 91, 105],
  },
  {
    sha256: 'a37f0445ba922706cea1b40278191322a4b92a36a1b0748b5e6c703d5c7af5ad',
    classCounts: [86, 97, 120, 131, 88, 91, 83, 96, 108, 100],
  },
  {
    sha256: '36d5d014b0df9364067236ada17b007abf9bbcd9cdb7f8c0f55a65e92c5822cf',
    classCounts: [106, 116, 96, 83, 93, 112, 95, 90, 108, 101],
  },
  {
    sha256: '15ffa875de36e3147895200672752609bd42fe8e905176d9679c2152bba09ef0',
    classCounts: [114, 96, 104, 100, 93, 99, 92, 99, 105, 98],
  },
  {
    sha256: '6b6c4572f8b09ccf065f739975225ecc908992c4bb90b99a74b75cff353ad92b',
    classCounts: [101, 96, 99, 99, 118, 81, 95, 105, 101, 105],
  },
  {
    sha256: 'e3062e470fb11f642cba3929c1cb4ce85c7397916fbdb52a5521330c29d833fb',
    classCounts: [98, 118, 106, 105, 94, 97, 99, 94, 87, 102],
  },
  {
    sha256: '9b9f0a1b71f62e45eee3ac0b14ac5affea99c3e0aea926cf7c980b536d198036',
    classCounts: [122, 92, 95, 98, 98, 91, 104, 102, 101, 97],
  },
  {
    sha256: '07dcdd78e340c81172aa81642b9023844abeea2bdbb84602ea2bdbc3e0783847',
    classCounts: [98, 97, 121, 84, 92, 102, 116, 107, 94, 89],
  },
  {
    sha256: '21301ac9960245ec55ea0ccee518a6fee7fef257371651e375b5e67d4267f3f8',
    classCounts: [101, 113, 96, 115, 84, 92, 112, 89, 106, 92],
  },
  {
    sha256: '8ba67ee8798688b5aace106f53c5be0e4378fe0c037efaa87a44834e380c303a',
    classCounts: [98, 103, 107, 103, 98, 109, 91, 102, 89, 100],
  },
  {
    sha256: '54636dac0890179630223b48214a6a696397d76167f6efef2472b7ae90efe81e',
    classCounts: [95, 110, 81, 100, 101, 104, 109, 96, 97, 107],
  },
  {
    sha256: '1a2fa56f4c20071d9465584e4ecb105999a37c70dc8661d8e2bdd63fd39617a4',
    classCounts: [99, 95, 79, 108, 108, 90, 100, 99, 112, 110],
  },
]);

// Adam (Kingma & Ba 2015) on webgpu in 3 dispatches per weight instead of tfjs's 14, and with no
// scalar uploads: tfjs's AdamOptimizer runs each elementwise op as its own shader and uploads a
// new scalar for every constant, which made half of a SimpleCNN step's ~280 dispatches. Here one
// shader, run once for each of m', v' and w', does tfjs's arithmetic in tfjs's order, with the
// constants as uniforms. The bias corrections come from the step count, as tfjs's setWeights
// computes them, so nothing is read back.
import * as tf from '@tensorflow/tfjs';

export const ADAM_UPDATE = 'LlpAdamUpdate';

interface AdamAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  step: number;
}
interface WebGpuBackendLike {
  runWebGPUProgram(
    program: object,
    inputs: tf.TensorInfo[],
    dtype: 'float32',
    uniforms: { type: 'float32'; data: number[] }[],
  ): tf.TensorInfo;
}

const OUTPUTS = ['m', 'v', 'w'] as const;
const INPUTS: Record<(typeof OUTPUTS)[number], string[]> = {
  m: ['moment1', 'gradient'],
  v: ['moment2', 'gradient'],
  w: ['moment1', 'moment2', 'gradient', 'weight'],
};

/** One of m', v', w' for a flattened weight: tfjs's program shape (see its UnaryOpProgram). */
class AdamUpdateProgram {
  // Each variant binds only what it reads: WebGPU's automatic layout leaves out unused bindings.
  variableNames: string[];
  uniforms =
    'lr : f32, beta1 : f32, oneMinusBeta1 : f32, beta2 : f32, oneMinusBeta2 : f32, correction1 : f32, correction2 : f32, epsilon : f32,';
  workgroupSize: [number, number, number] = [128, 1, 1];
  size = true;
  outputShape: number[];
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  shaderKey: string;
  constructor(
    n: number,
    private readonly output: (typeof OUTPUTS)[number],
  ) {
    this.variableNames = INPUTS[output];
    this.outputShape = [n];
    this.dispatch = [Math.ceil(n / this.workgroupSize[0]), 1, 1];
    this.shaderKey = `llpAdam_${output}`;
  }
  getUserCode(): string {
    // The same operations as tfjs 4.22's AdamOptimizer.applyGradients, in the same order.
    const m1 = 'moment1[index] * uniforms.beta1 + g * uniforms.oneMinusBeta1';
    const v1 = 'moment2[index] * uniforms.beta2 + (g * g) * uniforms.oneMinusBeta2';
    const result = {
      m: m1,
      v: v1,
      w: `((${m1}) / uniforms.correction1) / (sqrt((${v1}) / uniforms.correction2) + uniforms.epsilon) * (-uniforms.lr) + weight[index]`,
    }[this.output];
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let g = gradient[index];
          setOutputAtIndex(index, ${result});
        }
      }`;
  }
}

export const adamUpdateWebGpuConfig: tf.KernelConfig = {
  kernelName: ADAM_UPDATE,
  backendName: 'webgpu',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const { m, v, g, w } = inputs as unknown as Record<'m' | 'v' | 'g' | 'w', tf.TensorInfo>;
    const a = attrs as unknown as AdamAttrs;
    const n = w.shape.reduce((p, d) => p * d, 1);
    const uniforms = [
      a.learningRate,
      a.beta1,
      1 - a.beta1,
      a.beta2,
      1 - a.beta2,
      1 - a.beta1 ** a.step,
      1 - a.beta2 ** a.step,
      a.epsilon,
    ].map((x) => ({ type: 'float32' as const, data: [x] }));
    const b = backend as unknown as WebGpuBackendLike;
    const byName: Record<string, tf.TensorInfo> = { moment1: m, moment2: v, gradient: g, weight: w };
    return OUTPUTS.map((o) => {
      const out = b.runWebGPUProgram(
        new AdamUpdateProgram(n, o),
        INPUTS[o].map((name) => byName[name]),
        'float32',
        uniforms,
      );
      return { ...out, shape: w.shape };
    });
  },
};

/** tfjs's AdamOptimizer with applyGradients on the fused kernel; the state and its saving are tfjs's. */
export class WebGpuAdamOptimizer extends tf.AdamOptimizer {
  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999) {
    super(learningRate, beta1, beta2);
  }

  override applyGradients(variableGradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const named = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const self = this as unknown as {
      accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
      accumulatedSecondMoment: typeof self.accumulatedFirstMoment;
      iterations: number;
    };
    // tfjs's accBeta after t steps is beta^(t+1) (its setWeights says so): this step's correction.
    const attrs: AdamAttrs = {
      learningRate: this.learningRate,
      beta1: this.beta1,
      beta2: this.beta2,
      epsilon: this.epsilon,
      step: self.iterations + 1,
    };
    tf.tidy(() => {
      named.forEach(({ name, tensor: gradient }, i) => {
        const value = tf.engine().registeredVariables[name];
        self.accumulatedFirstMoment[i] ??= {
          originalName: `${name}/m`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        self.accumulatedSecondMoment[i] ??= {
          originalName: `${name}/v`,
          variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
        };
        if (gradient == null) return;
        const m = self.accumulatedFirstMoment[i].variable;
        const v = self.accumulatedSecondMoment[i].variable;
        const [m1, v1, w1] = tf
          .engine()
          .runKernel(ADAM_UPDATE, { m, v, g: gradient, w: value }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(m1);
        v.assign(v1);
        value.assign(w1);
      });
    });
    this.incrementIterations();
  }
}

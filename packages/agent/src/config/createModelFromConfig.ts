import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ConfigError } from '../errors/AgentError.ts'
import type { ChatModel } from '../models/ChatModel.ts'
import { createLlamaModel } from '../models/createLlamaModel.ts'
import { createOpenAiModel } from '../models/createOpenAiModel.ts'
import { createScriptedModel, type ScriptedTurn } from '../models/createScriptedModel.ts'
import type { AgentConfig } from './AgentConfig.ts'

/**
 * The model a config names: an OpenAI-compatible URL, a GGUF file run in-process, or a scripted stand-in (a JSON
 * file of turns). Relative paths resolve against `baseDir`; API keys come from the named environment variable.
 *
 * @example
 * const model = createModelFromConfig({ url: 'https://api.deepseek.com/v1', name: 'deepseek-reasoner', apiKeyEnv: 'DEEPSEEK_API_KEY' })
 */
export function createModelFromConfig(model: AgentConfig['model'], baseDir = '.'): ChatModel {
  if ('url' in model) {
    const apiKey = model.apiKeyEnv ? process.env[model.apiKeyEnv] : undefined
    if (model.apiKeyEnv && !apiKey)
      throw new ConfigError('API key variable is not set', { details: model.apiKeyEnv })
    return createOpenAiModel({
      baseUrl: model.url,
      model: model.name ?? 'default',
      ...(apiKey ? { apiKey } : {}),
      ...(model.stream !== undefined ? { stream: model.stream } : {}),
    })
  }
  if ('gguf' in model) {
    return createLlamaModel({
      path: resolve(baseDir, model.gguf),
      ...(model.gpu !== undefined ? { gpu: model.gpu } : {}),
      ...(model.threads ? { threads: model.threads } : {}),
      ...(model.contextSize ? { contextSize: model.contextSize } : {}),
    })
  }
  const path = resolve(baseDir, model.script)
  let turns: ScriptedTurn[]
  try {
    turns = JSON.parse(readFileSync(path, 'utf8')) as ScriptedTurn[]
  } catch (cause) {
    throw new ConfigError('cannot read the model script', { details: path, cause })
  }
  if (!Array.isArray(turns))
    throw new ConfigError('model script must be a JSON list of turns', { details: path })
  return createScriptedModel(turns, `script:${dirname(path) === '.' ? path : path.split('/').pop()}`)
}

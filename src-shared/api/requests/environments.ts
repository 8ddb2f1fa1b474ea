import { z } from 'zod';
import { defineRequest } from '../define';
import { Environment } from '../../domain/environment';

export const environmentRequests = {
  'envs.list': defineRequest('Every configured environment, demo included', z.object({}).strict(), z.array(Environment)),
} as const;

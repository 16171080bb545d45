/** The Chinese workbench page's script. */
import { TEXT_ZH } from '../workbench/text.zh.ts';
import { startWorkbench } from './workbench.ts';

startWorkbench(TEXT_ZH);

/** The English workbench page's script. */
import { TEXT_EN } from '../workbench/text.en.ts';
import { startWorkbench } from './workbench.ts';

startWorkbench(TEXT_EN);

import { useI18n } from 'vue-i18n'
import { useFormat } from '../../i18n/format'
import type { Proposal } from './model'

/** Proposals in plain words: the rule in one sentence, where it belongs, its deadline. */
export function useGovernanceFormat() {
  const { t } = useI18n()
  const { intlLocale } = useFormat()
  const format = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(), options).format(new Date(iso))
  const moment = (iso: string) =>
    format(iso, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' })
  const day = (iso: string) => format(iso, { day: 'numeric', month: 'long', year: 'numeric' })
  return {
    moment,
    day,
    rule: (p: Proposal) => t(`governance.rule.${p.rule}`, { quorum: p.tally.quorum }),
    where: (p: Proposal) => (p.workingGroupName ? t('governance.proposal.group', { name: p.workingGroupName }) : t('governance.proposal.coop')),
    deadline: (p: Proposal) => t('governance.proposal.deadline', { date: moment(p.deadline) }),
    responded: (p: Proposal) =>
      t('governance.proposal.responded', { n: p.tally.responded, eligible: p.tally.eligible }, p.tally.responded),
  }
}

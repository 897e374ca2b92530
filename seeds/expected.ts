/**
 * Figures worked out by hand from seeds/deals.json, for the tests of every view: one seed correction
 * changes this file, not ten tests. Each number says how it was counted.
 *
 * Ordered: a contract exists (contract signed, in delivery, completed). Planned: announced,
 * negotiating, MoU signed or approved. Platforms, engines and munitions are never added together.
 */
export const SEED = {
  deals: 24,
  /** Lease, P-8I ×2, C-17 ×2, C-130J ×3, Apache ×2, Chinook, M777. */
  completedDeals: 12,
  /** The completed deals' platforms: lease 2, P-8I 8 + 4, C-17 10 + 1, C-130J 6 + 6 + 1, Apache 22 + 6, Chinook 15, M777 145. */
  completedPlatforms: 226,
  /** kind=mou: the F414 MoU alone, its 99 engines planned; kind=lease: the SeaGuardian lease, 2 drones ordered. */
  mou: { deals: 1, enginesPlanned: 99 },
  lease: { deals: 1, platformsOrdered: 2 },
  /** Contract signed and with a Navy share: the MQ-9B alone (the MH-60R is in delivery). */
  contractSignedNavyDeals: 1,
  /** Frameworks, INDUS-X and the Stryker talks record no quantity. */
  dealsWithoutQuantity: 4,
  services: {
    /** MQ-9B 2024, the SeaGuardian lease, P-8I 2009, 2016 and the six more, MH-60R. */
    navy: {
      deals: 6,
      dealIds: [
        'mq-9b-2024',
        'mq-9b-seaguardian-lease-2020',
        'p-8i-2009',
        'p-8i-2016',
        'p-8i-six-more-2025',
        'mh-60r-2020',
      ],
      /** MQ-9B 15 + lease 2 + P-8I 8 + 4 + MH-60R 24. */
      platformsOrdered: 53,
      /** The six more P-8I, under negotiation. */
      platformsPlanned: 6,
      enginesOrdered: 0,
      /** Navy + Completed: the lease and the two P-8I deals. */
      completedDeals: 3,
    },
    /** MQ-9B 2024, Apache 2020, M777, and the Stryker talks (end user, no count). */
    army: { deals: 4, platformsOrdered: 8 + 6 + 145, platformsPlanned: 0, enginesOrdered: 0 },
    /** MQ-9B, both C-17s, three C-130J deals, Apache 2015, Chinook, F414 MoU, both F404 orders. */
    'air-force': {
      deals: 11,
      /** MQ-9B 8 + C-17 10 + 1 + C-130J 6 + 6 + 1 + Apache 22 + Chinook 15. */
      platformsOrdered: 69,
      platformsPlanned: 0,
      /** F404: 99 (2021) + 113 (2025). */
      enginesOrdered: 212,
      /** The F414 MoU's 99, not ordered. */
      enginesPlanned: 99,
    },
    /** Roadmap, INDUS-X, the 2025 framework, Javelin and Excalibur: no source names a service. */
    unknown: {
      deals: 5,
      platformsOrdered: 0,
      /** Javelin 100 missiles + Excalibur 216 rounds, both only approved. */
      munitionsPlanned: 316,
    },
  },
  all: {
    platformsOrdered: 53 + 159 + 69,
    platformsPlanned: 6,
    enginesOrdered: 212,
    enginesPlanned: 99,
    munitionsOrdered: 0,
    munitionsPlanned: 316,
  },
  mq9b: { id: 'mq-9b-2024', total: 31, navy: 15, army: 8, airForce: 8, signedUsd: 4e9 },
  /** Navy's share of signed US$ value pro rata by units: MQ-9B 4e9 × 15/31, P-8I 2.1e9 and 1e9 whole. */
  navyShareUsd: (4e9 * 15) / 31 + 2.1e9 + 1e9,
  /** Years with a US$ value, first and last: P-8I 2009 … F404 2025; 2010 has none and stays on the axis. */
  valueYears: { first: 2008, last: 2025, emptyYear: 2010 },
  /**
   * The orders chart (by-supplier.ts): every seed's supplier is the United States, and none is a
   * SIPRI record, so none has a TIV. Categories counted from each seed's system.category: three
   * deals name no system: the industrial roadmap, INDUS-X and the partnership framework.
   */
  orders: {
    suppliers: [{ key: 'US', count: 24 }],
    tivKnown: 0,
    categories: {
      'transport-aircraft': 5,
      helicopter: 4,
      engine: 3,
      'maritime-patrol-aircraft': 3,
      uav: 2,
      artillery: 1,
      'armoured-vehicle': 1,
      missile: 1,
      munitions: 1,
    },
    withoutSystem: 3,
  },
  /**
   * Milestones with a planned date, only where facts.md gives a plan: the MQ-9B's supply from Jan 2029
   * (row 1d), all 99 F404 by 2029 (row 3), the MH-60R's "delivery planned 2021-2025" (SIPRI, row 9) and
   * the framework "signed this year" (row 13). The slip as seen on 1 Dec 2025: none has slipped on
   * record; the two 2029 dates are still to come, so only "no slip reported" can be said of them.
   */
  plannedMilestones: [
    {
      dealId: 'mq-9b-2024',
      kind: 'first-delivery',
      planned: '2029-01',
      date: '2029-01',
      slip: 'no slip reported',
    },
    {
      dealId: 'f404-in20-2021',
      kind: 'final-delivery',
      planned: '2029',
      date: '2029',
      slip: 'no slip reported',
    },
    {
      dealId: 'mh-60r-2020',
      kind: 'first-delivery',
      planned: '2021',
      date: '2021',
      slip: 'on time (in the planned year)',
    },
    {
      dealId: 'major-defence-partnership-framework-2025',
      kind: 'signature',
      planned: '2025',
      date: '2025-10-31',
      slip: 'on time (in the planned year)',
    },
  ],
} as const;

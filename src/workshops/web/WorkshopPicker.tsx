import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';

export interface Workshop {
  id: string;
  name: string;
  address: string;
}

/** The municipality's workshops and the one chosen (the first until someone picks another). */
export function useWorkshopChoice() {
  const workshops = useQuery({
    queryKey: ['workshops'],
    queryFn: () => call('GET /api/workshops'),
  });
  const [chosen, setChosen] = useState('');
  const siteId = chosen || workshops.data?.[0]?.id || '';
  return { workshops, siteId, setSiteId: setChosen };
}

export function WorkshopSelect({
  id,
  workshops,
  value,
  onChange,
}: {
  id: string;
  workshops: Workshop[];
  value: string;
  onChange: (siteId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {t('workshop.workshop')}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {workshops.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useCallback, useState } from 'react';

export type AnnouncementTone = 'info' | 'success' | 'error';

export interface AnnouncementMessage {
  id: number;
  text: string;
  tone: AnnouncementTone;
}

/** What just happened, for an <Announcement>; announcing the same text again says it again. */
export function useAnnouncement(initialText = '', defaultTone: AnnouncementTone = 'success') {
  const [message, setMessage] = useState<AnnouncementMessage>({ id: 0, text: initialText, tone: defaultTone });
  const announce = useCallback(
    (text: string, tone: AnnouncementTone = defaultTone) => setMessage((previous) => ({ id: previous.id + 1, text, tone })),
    [defaultTone],
  );
  return [message, announce] as const;
}

/** A live region that tells screen reader users, and shows everyone, what just happened. */
export function Announcement({ message }: { message: AnnouncementMessage }) {
  return (
    <div role="status" className="status-region">
      {message.text && (
        <p key={message.id} className={`alert alert--${message.tone}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}

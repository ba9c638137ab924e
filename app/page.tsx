import { redirect } from 'next/navigation';

// The app starts at the dashboard (the proxy has already sent signed-out visitors to /login).
export default function Home() {
  redirect('/dashboard');
}
